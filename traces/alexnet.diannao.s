; alexnet: 11 layers, batch 1; activations Q8.8, HWC in DRAM

; ---- layer 0: conv1 (conv2d)
layer0:
    ; tile: 1x2 output pixels, 16 outputs x 3 inputs per block; 1 group(s) x 6 output tiles x 1 input tiles x 55x28 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0x201240
    SLI r28, 0xa00000c0
    SLI r29, 4
    VLOAD r28, r23, r29
    SLI r27, 1024
    SLI r50, 0x20004000
    SLI r3, 0x90000000
    SLI r44, 0x1f0140
    SLI r45, 0x201180
    ; image 0
    SLI r48, 0
    SLI r49, 0x4b7c0
    SLI r41, 0
loop_1:
    SADDI r47, r49, 0
    SLI r42, 0
loop_2:
    SLI r28, 0xa00000c4
    SLI r29, 32
    VLOAD r28, r45, r29
    SADDI r45, r45, 32
    SADDI r46, r48, 0
    SLI r43, 0
loop_3:
    SSUB r3, r50, r3
    SLI r29, 0x2d60
    VLOAD r3, r44, r29
    SADDI r44, r44, 11616
    SLI r4, 0xa0000000
    SLI r9, 16
    SLI r10, 363
    SLI r11, 11
    SLI r12, 90
    SLI r31, 0xa00000c0
    SLI r32, 0xa00000c4
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 54
    SLT r19, r18, r24
    CB r19, ok_4_clamp
    JUMP ok_4
ok_4_clamp:
    SADDI r24, r18, 0
ok_4:
    SLI r17, 2
    SMUL r25, r14, r17
    SLI r18, 53
    SLT r19, r18, r25
    CB r19, ok_5_clamp
    JUMP ok_5
ok_5_clamp:
    SADDI r25, r18, 0
ok_5:
    SLI r17, 0x1548
    SMUL r17, r24, r17
    SLI r18, 24
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 11
    SLI r21, 90
    SLI r22, 1362
    MLOAD r2, r1, r20, r21, r22
tile_6:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 28
    SLT r19, r14, r17
    CB r19, adv_7
    SLI r14, 0
    SADDI r13, r13, 1
adv_7:
    SLI r17, 55
    SLT r54, r13, r17
    CB r54, prefetch_8
    JUMP go_9
prefetch_8:
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 54
    SLT r19, r18, r24
    CB r19, ok_10_clamp
    JUMP ok_10
ok_10_clamp:
    SADDI r24, r18, 0
ok_10:
    SLI r17, 2
    SMUL r25, r14, r17
    SLI r18, 53
    SLT r19, r18, r25
    CB r19, ok_11_clamp
    JUMP ok_11
ok_11_clamp:
    SADDI r25, r18, 0
ok_11:
    SSUB r2, r27, r2
    SLI r17, 0x1548
    SMUL r17, r24, r17
    SLI r18, 24
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 11
    SLI r21, 90
    SLI r22, 1362
    MLOAD r2, r1, r20, r21, r22
go_9:
    SLI r17, 2
    OP r4, r31, r32, r17, r9 acc=0
ready_13:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 24
    SADDI r6, r6, 64
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r29, 32
    SLI r23, 0xa0000080
    VACT r23, r4, r29, r30 shift=12 func=relu
    SLI r17, 0x2940
    SMUL r17, r51, r17
    SLI r18, 192
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000080
    SLI r20, 2
    SLI r21, 32
    SLI r22, 192
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
stored_15:
    SADDI r26, r26, 1
    CB r54, tile_6
    SADDI r46, r46, 6
    SADDI r43, r43, 1
    SLI r17, 1
    SLT r19, r43, r17
    CB r19, loop_3
    SADDI r47, r47, 32
    SADDI r42, r42, 1
    SLI r17, 6
    SLT r19, r42, r17
    CB r19, loop_2
    SADDI r48, r48, 6
    SADDI r49, r49, 192
    SADDI r41, r41, 1
    SLI r17, 1
    SLT r19, r41, r17
    CB r19, loop_1
    SLI r45, 0x201180
    SLI r44, 0x1f0140

; ---- layer 1: pool1 (maxpool)
layer1:
    ; maxpool 3x3/2: tile 4x27 pixels x 1 channels
    SLI r27, 1024
    SLI r46, 0x4b7c0
    SLI r47, 0xdc480
    SLI r29, 1
    SLI r43, 0
loop_16:
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 4
    SMUL r24, r13, r17
    SLI r18, 23
    SLT r19, r18, r24
    CB r19, ok_17_clamp
    JUMP ok_17
ok_17_clamp:
    SADDI r24, r18, 0
ok_17:
    SLI r17, 27
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_18_clamp
    JUMP ok_18
ok_18_clamp:
    SADDI r25, r18, 0
ok_18:
    SLI r17, 0x5280
    SMUL r17, r24, r17
    SLI r18, 384
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 55
    SLI r21, 2
    SLI r22, 192
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 110
    SADDI r28, r1, 10560
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 220
    SADDI r28, r1, 21120
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 330
    SADDI r28, r1, 31680
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 440
    SADDI r28, r1, 42240
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 550
    SADDI r28, r1, 52800
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 660
    SADDI r28, r1, 63360
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 770
    SADDI r28, r1, 73920
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 880
    SADDI r28, r1, 84480
    MLOAD r23, r28, r20, r21, r22
tile_19:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_20
    SLI r14, 0
    SADDI r13, r13, 1
adv_20:
    SLI r17, 7
    SLT r54, r13, r17
    CB r54, prefetch_21
    JUMP go_22
prefetch_21:
    SLI r17, 4
    SMUL r24, r13, r17
    SLI r18, 23
    SLT r19, r18, r24
    CB r19, ok_23_clamp
    JUMP ok_23
ok_23_clamp:
    SADDI r24, r18, 0
ok_23:
    SLI r17, 27
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_24_clamp
    JUMP ok_24
ok_24_clamp:
    SADDI r25, r18, 0
ok_24:
    SSUB r2, r27, r2
    SLI r17, 0x5280
    SMUL r17, r24, r17
    SLI r18, 384
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 55
    SLI r21, 2
    SLI r22, 192
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 110
    SADDI r28, r1, 10560
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 220
    SADDI r28, r1, 21120
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 330
    SADDI r28, r1, 31680
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 440
    SADDI r28, r1, 42240
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 550
    SADDI r28, r1, 52800
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 660
    SADDI r28, r1, 63360
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 770
    SADDI r28, r1, 73920
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 880
    SADDI r28, r1, 84480
    MLOAD r23, r28, r20, r21, r22
go_22:
    SLI r6, 0xa0000000
    SADDI r8, r53, 0
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 2
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 110
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 112
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 114
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 220
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 222
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 224
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000002
    SADDI r8, r53, 4
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 6
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 114
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 116
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 118
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 224
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 226
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 228
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000004
    SADDI r8, r53, 8
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 10
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 12
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 118
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 120
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 122
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 228
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 230
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 232
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000006
    SADDI r8, r53, 12
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 14
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 16
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 122
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 124
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 126
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 232
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 234
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 236
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000008
    SADDI r8, r53, 16
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 18
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 20
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 126
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 128
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 130
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 236
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 238
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 240
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000000a
    SADDI r8, r53, 20
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 22
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 24
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 130
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 132
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 134
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 240
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 242
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 244
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000000c
    SADDI r8, r53, 24
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 26
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 28
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 134
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 136
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 138
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 244
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 246
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 248
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000000e
    SADDI r8, r53, 28
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 30
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 32
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 138
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 142
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 248
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 250
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 252
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000010
    SADDI r8, r53, 32
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 34
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 36
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 142
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 144
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 146
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 252
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 254
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 256
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000012
    SADDI r8, r53, 36
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 38
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 40
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 146
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 148
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 150
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 256
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 258
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 260
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000014
    SADDI r8, r53, 40
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 42
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 44
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 150
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 152
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 154
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 260
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 262
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 264
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000016
    SADDI r8, r53, 44
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 46
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 48
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 154
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 156
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 158
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 264
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 266
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 268
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000018
    SADDI r8, r53, 48
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 50
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 52
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 158
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 160
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 162
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 268
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 270
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 272
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000001a
    SADDI r8, r53, 52
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 54
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 56
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 162
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 164
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 166
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 272
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 274
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 276
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000001c
    SADDI r8, r53, 56
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 58
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 60
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 166
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 168
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 170
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 276
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 278
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 280
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000001e
    SADDI r8, r53, 60
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 62
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 64
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 170
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 172
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 174
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 280
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 282
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 284
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000020
    SADDI r8, r53, 64
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 66
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 68
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 174
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 176
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 178
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 284
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 286
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 288
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000022
    SADDI r8, r53, 68
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 70
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 72
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 178
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 180
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 182
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 288
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 290
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 292
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000024
    SADDI r8, r53, 72
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 74
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 76
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 182
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 184
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 186
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 292
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 294
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 296
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000026
    SADDI r8, r53, 76
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 78
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 80
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 186
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 188
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 190
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 296
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 298
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 300
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000028
    SADDI r8, r53, 80
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 82
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 84
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 190
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 192
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 194
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 302
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 304
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000002a
    SADDI r8, r53, 84
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 86
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 88
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 194
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 196
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 198
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 304
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 306
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 308
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000002c
    SADDI r8, r53, 88
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 90
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 92
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 198
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 200
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 202
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 308
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 310
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 312
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000002e
    SADDI r8, r53, 92
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 94
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 96
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 202
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 204
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 206
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 312
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 314
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 316
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000030
    SADDI r8, r53, 96
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 98
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 206
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 208
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 210
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 316
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 318
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 320
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000032
    SADDI r8, r53, 100
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 102
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 104
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 210
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 212
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 214
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 322
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 324
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000034
    SADDI r8, r53, 104
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 106
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 108
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 214
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 216
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 218
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 324
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 326
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 328
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000036
    SADDI r8, r53, 220
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 222
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 224
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 330
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 332
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 334
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 442
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 444
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000038
    SADDI r8, r53, 224
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 226
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 228
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 334
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 336
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 338
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 444
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 446
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 448
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000003a
    SADDI r8, r53, 228
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 230
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 232
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 338
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 340
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 342
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 448
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 450
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 452
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000003c
    SADDI r8, r53, 232
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 234
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 236
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 342
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 344
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 346
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 452
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 454
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 456
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000003e
    SADDI r8, r53, 236
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 238
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 240
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 346
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 348
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 350
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 456
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 458
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 460
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000040
    SADDI r8, r53, 240
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 242
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 244
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 350
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 352
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 354
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 460
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 462
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 464
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000042
    SADDI r8, r53, 244
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 246
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 248
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 354
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 356
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 358
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 464
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 466
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 468
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000044
    SADDI r8, r53, 248
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 250
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 252
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 358
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 362
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 468
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 470
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 472
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000046
    SADDI r8, r53, 252
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 254
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 256
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 362
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 364
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 366
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 472
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 474
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 476
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000048
    SADDI r8, r53, 256
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 258
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 260
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 366
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 368
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 370
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 476
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 478
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 480
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000004a
    SADDI r8, r53, 260
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 262
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 264
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 370
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 372
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 374
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 482
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 484
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000004c
    SADDI r8, r53, 264
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 266
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 268
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 374
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 376
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 378
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 484
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 486
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 488
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000004e
    SADDI r8, r53, 268
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 270
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 272
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 378
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 380
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 382
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 488
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 490
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 492
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000050
    SADDI r8, r53, 272
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 274
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 276
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 382
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 384
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 386
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 492
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 494
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 496
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000052
    SADDI r8, r53, 276
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 278
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 280
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 386
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 388
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 390
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 496
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 498
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000054
    SADDI r8, r53, 280
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 282
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 284
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 390
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 392
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 394
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 500
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 502
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 504
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000056
    SADDI r8, r53, 284
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 286
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 288
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 394
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 396
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 398
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 504
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 506
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 508
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000058
    SADDI r8, r53, 288
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 290
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 292
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 398
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 402
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 508
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 510
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 512
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000005a
    SADDI r8, r53, 292
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 294
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 296
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 402
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 404
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 406
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 512
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 514
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 516
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000005c
    SADDI r8, r53, 296
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 298
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 406
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 408
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 410
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 516
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 518
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 520
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000005e
    SADDI r8, r53, 300
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 302
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 304
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 410
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 412
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 414
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 522
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 524
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000060
    SADDI r8, r53, 304
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 306
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 308
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 414
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 416
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 418
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 524
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 526
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 528
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000062
    SADDI r8, r53, 308
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 310
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 312
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 418
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 420
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 422
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 528
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 530
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 532
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000064
    SADDI r8, r53, 312
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 314
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 316
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 422
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 424
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 426
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 532
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 534
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 536
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000066
    SADDI r8, r53, 316
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 318
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 426
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 428
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 430
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 536
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 538
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 540
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000068
    SADDI r8, r53, 320
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 322
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 324
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 430
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 432
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 434
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 540
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 542
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 544
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000006a
    SADDI r8, r53, 324
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 326
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 328
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 434
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 436
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 438
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 544
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 546
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 548
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000006c
    SADDI r8, r53, 440
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 442
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 444
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 550
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 552
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 554
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 660
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 662
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 664
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000006e
    SADDI r8, r53, 444
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 446
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 448
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 554
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 556
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 558
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 664
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 666
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 668
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000070
    SADDI r8, r53, 448
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 450
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 452
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 558
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 562
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 668
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 670
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 672
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000072
    SADDI r8, r53, 452
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 454
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 456
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 562
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 564
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 566
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 672
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 674
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 676
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000074
    SADDI r8, r53, 456
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 458
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 460
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 566
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 568
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 570
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 676
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 678
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 680
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000076
    SADDI r8, r53, 460
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 462
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 464
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 570
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 572
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 574
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 680
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 682
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 684
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000078
    SADDI r8, r53, 464
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 466
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 468
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 574
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 576
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 578
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 684
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 686
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 688
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000007a
    SADDI r8, r53, 468
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 470
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 472
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 578
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 580
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 582
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 688
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 690
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 692
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000007c
    SADDI r8, r53, 472
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 474
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 476
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 582
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 584
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 586
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 692
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 694
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 696
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000007e
    SADDI r8, r53, 476
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 478
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 586
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 588
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 590
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 696
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 698
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 700
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000080
    SADDI r8, r53, 480
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 482
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 484
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 590
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 592
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 594
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 700
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 702
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 704
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000082
    SADDI r8, r53, 484
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 486
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 488
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 594
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 596
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 598
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 704
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 706
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 708
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000084
    SADDI r8, r53, 488
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 490
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 492
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 598
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 602
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 708
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 710
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 712
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000086
    SADDI r8, r53, 492
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 494
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 496
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 602
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 604
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 606
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 712
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 714
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 716
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000088
    SADDI r8, r53, 496
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 498
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 500
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 606
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 608
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 610
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 716
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 718
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 720
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000008a
    SADDI r8, r53, 500
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 502
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 504
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 610
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 612
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 614
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 720
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 722
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 724
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000008c
    SADDI r8, r53, 504
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 506
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 508
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 614
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 616
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 618
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 724
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 726
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 728
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000008e
    SADDI r8, r53, 508
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 510
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 512
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 618
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 620
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 622
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 728
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 730
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 732
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000090
    SADDI r8, r53, 512
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 514
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 516
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 622
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 624
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 626
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 732
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 734
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 736
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000092
    SADDI r8, r53, 516
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 518
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 626
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 628
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 630
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 736
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 738
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 740
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000094
    SADDI r8, r53, 520
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 522
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 524
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 630
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 632
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 634
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 740
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 742
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 744
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000096
    SADDI r8, r53, 524
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 526
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 528
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 634
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 636
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 638
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 744
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 746
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 748
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000098
    SADDI r8, r53, 528
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 530
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 532
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 638
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 640
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 642
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 748
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 750
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 752
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000009a
    SADDI r8, r53, 532
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 534
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 536
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 642
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 644
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 646
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 752
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 754
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 756
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000009c
    SADDI r8, r53, 536
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 538
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 540
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 646
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 648
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 650
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 756
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 758
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 760
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000009e
    SADDI r8, r53, 540
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 542
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 544
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 650
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 652
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 654
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 760
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 762
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 764
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000a0
    SADDI r8, r53, 544
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 546
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 548
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 654
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 656
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 658
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 764
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 766
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 768
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000a2
    SADDI r8, r53, 660
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 662
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 664
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 770
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 772
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 774
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 880
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 882
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 884
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000a4
    SADDI r8, r53, 664
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 666
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 668
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 774
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 776
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 778
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 884
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 886
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 888
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000a6
    SADDI r8, r53, 668
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 670
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 672
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 778
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 780
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 782
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 888
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 890
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 892
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000a8
    SADDI r8, r53, 672
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 674
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 676
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 782
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 784
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 786
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 892
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 894
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 896
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000aa
    SADDI r8, r53, 676
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 678
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 680
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 786
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 788
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 790
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 896
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 898
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 900
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000ac
    SADDI r8, r53, 680
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 682
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 684
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 790
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 792
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 794
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 902
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 904
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000ae
    SADDI r8, r53, 684
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 686
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 688
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 794
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 796
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 798
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 904
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 906
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 908
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000b0
    SADDI r8, r53, 688
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 690
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 692
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 798
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 800
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 802
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 908
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 910
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 912
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000b2
    SADDI r8, r53, 692
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 694
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 696
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 802
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 804
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 806
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 912
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 914
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 916
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000b4
    SADDI r8, r53, 696
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 698
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 700
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 806
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 808
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 810
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 916
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 918
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 920
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000b6
    SADDI r8, r53, 700
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 702
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 704
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 810
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 812
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 814
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 920
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 922
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 924
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000b8
    SADDI r8, r53, 704
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 706
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 708
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 814
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 816
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 818
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 924
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 926
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 928
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000ba
    SADDI r8, r53, 708
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 710
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 712
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 818
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 820
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 822
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 928
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 930
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 932
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000bc
    SADDI r8, r53, 712
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 714
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 716
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 822
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 824
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 826
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 932
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 934
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 936
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000be
    SADDI r8, r53, 716
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 718
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 720
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 826
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 828
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 830
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 936
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 938
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 940
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000c0
    SADDI r8, r53, 720
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 722
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 724
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 830
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 832
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 834
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 940
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 942
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 944
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000c2
    SADDI r8, r53, 724
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 726
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 728
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 834
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 836
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 838
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 944
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 946
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 948
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000c4
    SADDI r8, r53, 728
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 730
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 732
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 838
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 840
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 842
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 948
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 950
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 952
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000c6
    SADDI r8, r53, 732
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 734
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 736
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 842
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 844
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 846
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 952
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 954
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 956
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000c8
    SADDI r8, r53, 736
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 738
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 740
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 846
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 848
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 850
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 956
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 958
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 960
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000ca
    SADDI r8, r53, 740
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 742
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 744
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 850
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 852
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 854
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 960
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 962
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 964
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000cc
    SADDI r8, r53, 744
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 746
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 748
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 854
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 856
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 858
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 964
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 966
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 968
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000ce
    SADDI r8, r53, 748
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 750
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 752
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 858
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 860
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 862
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 968
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 970
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 972
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000d0
    SADDI r8, r53, 752
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 754
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 756
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 862
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 864
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 866
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 972
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 974
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 976
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000d2
    SADDI r8, r53, 756
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 758
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 760
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 866
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 868
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 870
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 976
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 978
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 980
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000d4
    SADDI r8, r53, 760
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 762
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 764
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 870
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 872
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 874
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 980
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 982
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 984
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000d6
    SADDI r8, r53, 764
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 766
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 768
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 874
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 876
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 878
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 984
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 986
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 988
    VMAX r6, r6, r8, r29
    SLI r17, 0x1740
    SMUL r17, r51, r17
    SLI r18, 192
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000000
    SLI r20, 27
    SLI r21, 2
    SLI r22, 192
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 5952
    SADDI r17, r28, 54
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 11904
    SADDI r17, r28, 108
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 17856
    SADDI r17, r28, 162
    MSTORE r23, r17, r20, r21, r22
    SADDI r26, r26, 1
    CB r54, tile_19
    SADDI r46, r46, 2
    SADDI r47, r47, 2
    SADDI r43, r43, 1
    SLI r17, 96
    SLT r19, r43, r17
    CB r19, loop_16

; ---- layer 2: conv2 (conv2d)
layer2:
    ; tile: 2x4 output pixels, 32 outputs x 8 inputs per block; 2 group(s) x 4 output tiles x 6 input tiles x 14x7 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0x297480
    SLI r28, 0xa0000600
    SLI r29, 16
    VLOAD r28, r23, r29
    SLI r27, 1024
    SLI r50, 0x20004000
    SLI r3, 0x90000000
    SLI r44, 0x201280
    SLI r45, 0x297280
    ; image 0
    SLI r48, 0xd9480
    SLI r49, 0x106540
    SLI r41, 0
loop_25:
    SADDI r47, r49, 0
    SLI r42, 0
loop_26:
    SLI r28, 0xa0000610
    SLI r29, 64
    VLOAD r28, r45, r29
    SADDI r45, r45, 64
    SADDI r46, r48, 0
    SLI r43, 0
loop_27:
    SSUB r3, r50, r3
    SLI r29, 0x3200
    VLOAD r3, r44, r29
    SADDI r44, r44, 12800
    SLI r4, 0xa0000000
    SLI r9, 32
    SLI r10, 200
    SLI r11, 5
    SLI r12, 128
    SLI r31, 0xa0000600
    SLI r32, 0xa0000610
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 25
    SLT r19, r18, r24
    CB r19, ok_28_clamp
    JUMP ok_28
ok_28_clamp:
    SADDI r24, r18, 0
ok_28:
    SLI r17, 4
    SMUL r25, r14, r17
    SLI r18, 23
    SLT r19, r18, r25
    CB r19, ok_29_clamp
    JUMP ok_29
ok_29_clamp:
    SADDI r25, r18, 0
ok_29:
    SLI r17, 0x1740
    SMUL r17, r24, r17
    SLI r18, 192
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 8
    SLI r21, 16
    SLI r22, 192
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 128
    SADDI r28, r1, 5952
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 256
    SADDI r28, r1, 11904
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 384
    SADDI r28, r1, 17856
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 512
    SADDI r28, r1, 23808
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 640
    SADDI r28, r1, 29760
    MLOAD r23, r28, r20, r21, r22
tile_30:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 7
    SLT r19, r14, r17
    CB r19, adv_31
    SLI r14, 0
    SADDI r13, r13, 1
adv_31:
    SLI r17, 14
    SLT r54, r13, r17
    CB r54, prefetch_32
    JUMP go_33
prefetch_32:
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 25
    SLT r19, r18, r24
    CB r19, ok_34_clamp
    JUMP ok_34
ok_34_clamp:
    SADDI r24, r18, 0
ok_34:
    SLI r17, 4
    SMUL r25, r14, r17
    SLI r18, 23
    SLT r19, r18, r25
    CB r19, ok_35_clamp
    JUMP ok_35
ok_35_clamp:
    SADDI r25, r18, 0
ok_35:
    SSUB r2, r27, r2
    SLI r17, 0x1740
    SMUL r17, r24, r17
    SLI r18, 192
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 8
    SLI r21, 16
    SLI r22, 192
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 128
    SADDI r28, r1, 5952
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 256
    SADDI r28, r1, 11904
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 384
    SADDI r28, r1, 17856
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 512
    SADDI r28, r1, 23808
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 640
    SADDI r28, r1, 29760
    MLOAD r23, r28, r20, r21, r22
go_33:
    CB r43, init_36_reload
    SLI r17, 8
    OP r4, r31, r32, r17, r9 acc=0
    JUMP ready_37
init_36_reload:
    SLI r17, 1024
    SMUL r23, r26, r17
    SLI r18, 0x2974c0
    SADD r23, r23, r18
    VLOAD r4, r23, r17
ready_37:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 16
    SADDI r6, r6, 128
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 16
    SADDI r6, r6, 128
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 16
    SADDI r6, r6, 128
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r53, 128
    SADDI r6, r4, 512
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 16
    SADDI r6, r6, 128
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 16
    SADDI r6, r6, 128
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 16
    SADDI r6, r6, 128
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r17, 5
    SLT r19, r43, r17
    CB r19, finish_38_spill
    SLI r29, 256
    SLI r23, 0xa0000400
    VACT r23, r4, r29, r30 shift=12 func=relu
    SLI r17, 0x3600
    SMUL r17, r51, r17
    SLI r18, 512
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000400
    SLI r20, 4
    SLI r21, 64
    SLI r22, 512
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 13824
    SADDI r17, r28, 256
    MSTORE r23, r17, r20, r21, r22
    JUMP stored_39
finish_38_spill:
    SLI r17, 1024
    SMUL r23, r26, r17
    SLI r18, 0x2974c0
    SADD r23, r23, r18
    VSTORE r23, r4, r17
stored_39:
    SADDI r26, r26, 1
    CB r54, tile_30
    SADDI r46, r46, 16
    SADDI r43, r43, 1
    SLI r17, 6
    SLT r19, r43, r17
    CB r19, loop_27
    SADDI r47, r47, 64
    SADDI r42, r42, 1
    SLI r17, 4
    SLT r19, r42, r17
    CB r19, loop_26
    SADDI r48, r48, 96
    SADDI r49, r49, 256
    SADDI r41, r41, 1
    SLI r17, 2
    SLT r19, r41, r17
    CB r19, loop_25
    SLI r45, 0x297280
    SLI r44, 0x201280

; ---- layer 3: pool2 (maxpool)
layer3:
    ; maxpool 3x3/2: tile 8x13 pixels x 1 channels
    SLI r27, 1024
    SLI r46, 0x106540
    SLI r47, 0x163740
    SLI r29, 1
    SLI r43, 0
loop_40:
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 8
    SMUL r24, r13, r17
    SLI r18, 5
    SLT r19, r18, r24
    CB r19, ok_41_clamp
    JUMP ok_41
ok_41_clamp:
    SADDI r24, r18, 0
ok_41:
    SLI r17, 13
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_42_clamp
    JUMP ok_42
ok_42_clamp:
    SADDI r25, r18, 0
ok_42:
    SLI r17, 0x6c00
    SMUL r17, r24, r17
    SLI r18, 1024
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 27
    SLI r21, 2
    SLI r22, 512
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 54
    SADDI r28, r1, 13824
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 108
    SADDI r28, r1, 27648
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 162
    SADDI r28, r1, 41472
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 216
    SADDI r28, r1, 55296
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 270
    SADDI r28, r1, 69120
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 324
    SADDI r28, r1, 82944
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 378
    SADDI r28, r1, 96768
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 432
    SADDI r28, r1, 110592
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 486
    SADDI r28, r1, 124416
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 540
    SADDI r28, r1, 138240
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 594
    SADDI r28, r1, 152064
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 648
    SADDI r28, r1, 165888
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 702
    SADDI r28, r1, 179712
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 756
    SADDI r28, r1, 193536
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 810
    SADDI r28, r1, 207360
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 864
    SADDI r28, r1, 221184
    MLOAD r23, r28, r20, r21, r22
tile_43:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_44
    SLI r14, 0
    SADDI r13, r13, 1
adv_44:
    SLI r17, 2
    SLT r54, r13, r17
    CB r54, prefetch_45
    JUMP go_46
prefetch_45:
    SLI r17, 8
    SMUL r24, r13, r17
    SLI r18, 5
    SLT r19, r18, r24
    CB r19, ok_47_clamp
    JUMP ok_47
ok_47_clamp:
    SADDI r24, r18, 0
ok_47:
    SLI r17, 13
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_48_clamp
    JUMP ok_48
ok_48_clamp:
    SADDI r25, r18, 0
ok_48:
    SSUB r2, r27, r2
    SLI r17, 0x6c00
    SMUL r17, r24, r17
    SLI r18, 1024
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 27
    SLI r21, 2
    SLI r22, 512
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 54
    SADDI r28, r1, 13824
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 108
    SADDI r28, r1, 27648
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 162
    SADDI r28, r1, 41472
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 216
    SADDI r28, r1, 55296
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 270
    SADDI r28, r1, 69120
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 324
    SADDI r28, r1, 82944
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 378
    SADDI r28, r1, 96768
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 432
    SADDI r28, r1, 110592
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 486
    SADDI r28, r1, 124416
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 540
    SADDI r28, r1, 138240
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 594
    SADDI r28, r1, 152064
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 648
    SADDI r28, r1, 165888
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 702
    SADDI r28, r1, 179712
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 756
    SADDI r28, r1, 193536
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 810
    SADDI r28, r1, 207360
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 864
    SADDI r28, r1, 221184
    MLOAD r23, r28, r20, r21, r22
go_46:
    SLI r6, 0xa0000000
    SADDI r8, r53, 0
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 2
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 54
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 56
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 58
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 108
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 110
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 112
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000002
    SADDI r8, r53, 4
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 6
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 58
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 60
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 62
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 112
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 114
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 116
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000004
    SADDI r8, r53, 8
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 10
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 12
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 62
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 64
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 66
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 116
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 118
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 120
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000006
    SADDI r8, r53, 12
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 14
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 16
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 66
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 68
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 70
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 120
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 122
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 124
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000008
    SADDI r8, r53, 16
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 18
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 20
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 70
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 72
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 74
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 124
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 126
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 128
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000000a
    SADDI r8, r53, 20
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 22
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 24
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 74
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 76
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 78
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 128
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 130
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 132
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000000c
    SADDI r8, r53, 24
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 26
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 28
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 78
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 80
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 82
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 132
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 134
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 136
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000000e
    SADDI r8, r53, 28
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 30
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 32
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 82
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 84
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 86
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 136
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 138
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 140
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000010
    SADDI r8, r53, 32
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 34
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 36
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 86
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 88
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 90
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 142
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 144
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000012
    SADDI r8, r53, 36
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 38
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 40
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 90
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 92
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 94
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 144
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 146
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 148
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000014
    SADDI r8, r53, 40
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 42
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 44
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 94
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 96
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 98
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 148
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 150
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 152
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000016
    SADDI r8, r53, 44
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 46
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 48
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 98
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 102
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 152
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 154
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 156
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000018
    SADDI r8, r53, 48
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 50
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 52
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 102
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 104
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 106
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 156
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 158
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 160
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000001a
    SADDI r8, r53, 108
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 110
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 112
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 162
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 164
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 166
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 216
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 218
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 220
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000001c
    SADDI r8, r53, 112
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 114
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 116
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 166
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 168
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 170
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 220
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 222
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 224
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000001e
    SADDI r8, r53, 116
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 118
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 120
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 170
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 172
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 174
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 224
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 226
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 228
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000020
    SADDI r8, r53, 120
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 122
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 124
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 174
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 176
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 178
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 228
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 230
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 232
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000022
    SADDI r8, r53, 124
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 126
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 128
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 178
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 180
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 182
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 232
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 234
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 236
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000024
    SADDI r8, r53, 128
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 130
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 132
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 182
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 184
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 186
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 236
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 238
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 240
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000026
    SADDI r8, r53, 132
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 134
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 136
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 186
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 188
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 190
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 240
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 242
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 244
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000028
    SADDI r8, r53, 136
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 138
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 190
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 192
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 194
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 244
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 246
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 248
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000002a
    SADDI r8, r53, 140
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 142
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 144
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 194
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 196
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 198
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 248
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 250
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 252
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000002c
    SADDI r8, r53, 144
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 146
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 148
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 198
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 200
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 202
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 252
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 254
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 256
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000002e
    SADDI r8, r53, 148
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 150
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 152
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 202
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 204
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 206
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 256
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 258
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 260
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000030
    SADDI r8, r53, 152
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 154
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 156
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 206
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 208
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 210
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 260
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 262
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 264
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000032
    SADDI r8, r53, 156
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 158
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 160
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 210
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 212
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 214
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 264
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 266
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 268
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000034
    SADDI r8, r53, 216
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 218
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 220
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 270
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 272
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 274
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 324
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 326
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 328
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000036
    SADDI r8, r53, 220
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 222
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 224
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 274
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 276
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 278
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 328
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 330
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 332
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000038
    SADDI r8, r53, 224
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 226
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 228
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 278
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 280
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 282
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 332
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 334
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 336
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000003a
    SADDI r8, r53, 228
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 230
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 232
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 282
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 284
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 286
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 336
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 338
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 340
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000003c
    SADDI r8, r53, 232
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 234
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 236
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 286
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 288
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 290
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 340
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 342
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 344
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000003e
    SADDI r8, r53, 236
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 238
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 240
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 290
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 292
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 294
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 344
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 346
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 348
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000040
    SADDI r8, r53, 240
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 242
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 244
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 294
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 296
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 298
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 348
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 350
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 352
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000042
    SADDI r8, r53, 244
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 246
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 248
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 298
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 302
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 352
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 354
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 356
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000044
    SADDI r8, r53, 248
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 250
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 252
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 302
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 304
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 306
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 356
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 358
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 360
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000046
    SADDI r8, r53, 252
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 254
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 256
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 306
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 308
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 310
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 362
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 364
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000048
    SADDI r8, r53, 256
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 258
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 260
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 310
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 312
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 314
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 364
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 366
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 368
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000004a
    SADDI r8, r53, 260
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 262
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 264
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 314
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 316
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 318
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 368
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 370
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 372
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000004c
    SADDI r8, r53, 264
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 266
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 268
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 318
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 322
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 372
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 374
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 376
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000004e
    SADDI r8, r53, 324
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 326
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 328
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 378
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 380
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 382
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 432
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 434
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 436
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000050
    SADDI r8, r53, 328
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 330
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 332
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 382
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 384
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 386
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 436
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 438
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 440
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000052
    SADDI r8, r53, 332
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 334
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 336
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 386
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 388
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 390
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 442
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 444
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000054
    SADDI r8, r53, 336
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 338
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 340
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 390
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 392
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 394
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 444
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 446
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 448
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000056
    SADDI r8, r53, 340
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 342
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 344
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 394
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 396
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 398
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 448
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 450
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 452
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000058
    SADDI r8, r53, 344
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 346
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 348
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 398
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 402
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 452
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 454
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 456
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000005a
    SADDI r8, r53, 348
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 350
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 352
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 402
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 404
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 406
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 456
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 458
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 460
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000005c
    SADDI r8, r53, 352
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 354
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 356
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 406
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 408
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 410
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 460
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 462
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 464
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000005e
    SADDI r8, r53, 356
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 358
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 410
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 412
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 414
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 464
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 466
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 468
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000060
    SADDI r8, r53, 360
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 362
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 364
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 414
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 416
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 418
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 468
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 470
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 472
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000062
    SADDI r8, r53, 364
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 366
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 368
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 418
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 420
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 422
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 472
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 474
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 476
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000064
    SADDI r8, r53, 368
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 370
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 372
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 422
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 424
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 426
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 476
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 478
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 480
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000066
    SADDI r8, r53, 372
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 374
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 376
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 426
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 428
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 430
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 482
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 484
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000068
    SADDI r8, r53, 432
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 434
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 436
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 486
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 488
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 490
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 540
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 542
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 544
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000006a
    SADDI r8, r53, 436
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 438
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 490
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 492
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 494
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 544
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 546
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 548
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000006c
    SADDI r8, r53, 440
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 442
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 444
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 494
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 496
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 498
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 548
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 550
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 552
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000006e
    SADDI r8, r53, 444
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 446
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 448
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 498
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 500
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 502
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 552
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 554
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 556
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000070
    SADDI r8, r53, 448
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 450
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 452
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 502
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 504
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 506
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 556
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 558
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 560
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000072
    SADDI r8, r53, 452
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 454
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 456
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 506
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 508
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 510
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 562
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 564
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000074
    SADDI r8, r53, 456
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 458
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 460
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 510
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 512
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 514
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 564
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 566
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 568
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000076
    SADDI r8, r53, 460
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 462
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 464
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 514
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 516
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 518
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 568
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 570
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 572
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000078
    SADDI r8, r53, 464
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 466
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 468
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 518
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 522
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 572
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 574
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 576
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000007a
    SADDI r8, r53, 468
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 470
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 472
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 522
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 524
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 526
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 576
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 578
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 580
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000007c
    SADDI r8, r53, 472
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 474
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 476
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 526
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 528
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 530
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 580
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 582
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 584
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000007e
    SADDI r8, r53, 476
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 478
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 530
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 532
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 534
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 584
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 586
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 588
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000080
    SADDI r8, r53, 480
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 482
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 484
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 534
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 536
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 538
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 588
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 590
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 592
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000082
    SADDI r8, r53, 540
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 542
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 544
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 594
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 596
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 598
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 648
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 650
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 652
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000084
    SADDI r8, r53, 544
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 546
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 548
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 598
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 602
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 652
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 654
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 656
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000086
    SADDI r8, r53, 548
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 550
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 552
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 602
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 604
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 606
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 656
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 658
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 660
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000088
    SADDI r8, r53, 552
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 554
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 556
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 606
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 608
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 610
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 660
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 662
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 664
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000008a
    SADDI r8, r53, 556
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 558
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 610
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 612
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 614
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 664
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 666
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 668
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000008c
    SADDI r8, r53, 560
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 562
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 564
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 614
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 616
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 618
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 668
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 670
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 672
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000008e
    SADDI r8, r53, 564
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 566
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 568
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 618
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 620
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 622
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 672
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 674
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 676
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000090
    SADDI r8, r53, 568
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 570
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 572
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 622
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 624
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 626
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 676
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 678
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 680
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000092
    SADDI r8, r53, 572
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 574
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 576
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 626
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 628
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 630
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 680
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 682
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 684
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000094
    SADDI r8, r53, 576
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 578
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 580
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 630
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 632
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 634
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 684
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 686
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 688
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000096
    SADDI r8, r53, 580
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 582
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 584
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 634
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 636
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 638
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 688
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 690
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 692
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000098
    SADDI r8, r53, 584
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 586
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 588
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 638
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 640
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 642
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 692
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 694
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 696
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000009a
    SADDI r8, r53, 588
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 590
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 592
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 642
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 644
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 646
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 696
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 698
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 700
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000009c
    SADDI r8, r53, 648
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 650
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 652
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 702
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 704
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 706
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 756
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 758
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 760
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000009e
    SADDI r8, r53, 652
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 654
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 656
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 706
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 708
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 710
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 760
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 762
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 764
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000a0
    SADDI r8, r53, 656
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 658
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 660
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 710
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 712
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 714
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 764
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 766
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 768
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000a2
    SADDI r8, r53, 660
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 662
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 664
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 714
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 716
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 718
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 768
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 770
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 772
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000a4
    SADDI r8, r53, 664
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 666
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 668
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 718
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 720
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 722
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 772
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 774
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 776
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000a6
    SADDI r8, r53, 668
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 670
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 672
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 722
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 724
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 726
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 776
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 778
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 780
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000a8
    SADDI r8, r53, 672
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 674
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 676
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 726
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 728
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 730
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 780
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 782
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 784
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000aa
    SADDI r8, r53, 676
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 678
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 680
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 730
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 732
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 734
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 784
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 786
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 788
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000ac
    SADDI r8, r53, 680
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 682
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 684
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 734
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 736
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 738
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 788
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 790
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 792
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000ae
    SADDI r8, r53, 684
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 686
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 688
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 738
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 740
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 742
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 792
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 794
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 796
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000b0
    SADDI r8, r53, 688
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 690
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 692
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 742
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 744
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 746
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 796
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 798
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 800
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000b2
    SADDI r8, r53, 692
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 694
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 696
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 746
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 748
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 750
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 800
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 802
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 804
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000b4
    SADDI r8, r53, 696
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 698
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 700
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 750
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 752
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 754
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 804
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 806
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 808
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000b6
    SADDI r8, r53, 756
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 758
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 760
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 810
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 812
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 814
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 864
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 866
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 868
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000b8
    SADDI r8, r53, 760
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 762
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 764
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 814
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 816
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 818
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 868
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 870
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 872
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000ba
    SADDI r8, r53, 764
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 766
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 768
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 818
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 820
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 822
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 872
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 874
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 876
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000bc
    SADDI r8, r53, 768
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 770
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 772
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 822
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 824
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 826
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 876
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 878
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 880
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000be
    SADDI r8, r53, 772
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 774
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 776
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 826
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 828
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 830
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 880
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 882
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 884
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000c0
    SADDI r8, r53, 776
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 778
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 780
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 830
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 832
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 834
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 884
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 886
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 888
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000c2
    SADDI r8, r53, 780
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 782
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 784
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 834
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 836
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 838
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 888
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 890
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 892
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000c4
    SADDI r8, r53, 784
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 786
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 788
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 838
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 840
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 842
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 892
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 894
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 896
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000c6
    SADDI r8, r53, 788
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 790
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 792
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 842
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 844
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 846
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 896
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 898
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 900
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000c8
    SADDI r8, r53, 792
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 794
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 796
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 846
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 848
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 850
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 902
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 904
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000ca
    SADDI r8, r53, 796
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 798
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 800
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 850
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 852
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 854
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 904
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 906
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 908
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000cc
    SADDI r8, r53, 800
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 802
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 804
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 854
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 856
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 858
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 908
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 910
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 912
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000ce
    SADDI r8, r53, 804
    SLI r17, 2
    VMOVE r6, r8, r17
    SADDI r8, r53, 806
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 808
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 858
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 860
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 862
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 912
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 914
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 916
    VMAX r6, r6, r8, r29
    SLI r17, 0x1e00
    SMUL r17, r51, r17
    SLI r18, 512
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000000
    SLI r20, 13
    SLI r21, 2
    SLI r22, 512
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 7680
    SADDI r17, r28, 26
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 15360
    SADDI r17, r28, 52
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 23040
    SADDI r17, r28, 78
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 30720
    SADDI r17, r28, 104
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 38400
    SADDI r17, r28, 130
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 46080
    SADDI r17, r28, 156
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 53760
    SADDI r17, r28, 182
    MSTORE r23, r17, r20, r21, r22
    SADDI r26, r26, 1
    CB r54, tile_43
    SADDI r46, r46, 2
    SADDI r47, r47, 2
    SADDI r43, r43, 1
    SLI r17, 256
    SLT r19, r43, r17
    CB r19, loop_40

; ---- layer 4: conv3 (conv2d)
layer4:
    ; tile: 2x2 output pixels, 24 outputs x 32 inputs per block; 1 group(s) x 16 output tiles x 8 input tiles x 7x7 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0x45ffc0
    SLI r28, 0xa0000240
    SLI r29, 8
    VLOAD r28, r23, r29
    SLI r27, 1024
    SLI r50, 0x20004000
    SLI r3, 0x90000000
    SLI r44, 0x2afcc0
    SLI r45, 0x45fcc0
    ; image 0
    SLI r48, 0x161740
    SLI r49, 0x180940
    SLI r41, 0
loop_49:
    SADDI r47, r49, 0
    SLI r42, 0
loop_50:
    SLI r28, 0xa0000248
    SLI r29, 48
    VLOAD r28, r45, r29
    SADDI r45, r45, 48
    SADDI r46, r48, 0
    SLI r43, 0
loop_51:
    SSUB r3, r50, r3
    SLI r29, 0x3600
    VLOAD r3, r44, r29
    SADDI r44, r44, 13824
    SLI r4, 0xa0000000
    SLI r9, 24
    SLI r10, 288
    SLI r11, 3
    SLI r12, 256
    SLI r31, 0xa0000240
    SLI r32, 0xa0000248
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 11
    SLT r19, r18, r24
    CB r19, ok_52_clamp
    JUMP ok_52
ok_52_clamp:
    SADDI r24, r18, 0
ok_52:
    SLI r17, 2
    SMUL r25, r14, r17
    SLI r18, 11
    SLT r19, r18, r25
    CB r19, ok_53_clamp
    JUMP ok_53
ok_53_clamp:
    SADDI r25, r18, 0
ok_53:
    SLI r17, 0x1e00
    SMUL r17, r24, r17
    SLI r18, 512
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 4
    SLI r21, 64
    SLI r22, 512
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 256
    SADDI r28, r1, 7680
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 512
    SADDI r28, r1, 15360
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 768
    SADDI r28, r1, 23040
    MLOAD r23, r28, r20, r21, r22
tile_54:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 7
    SLT r19, r14, r17
    CB r19, adv_55
    SLI r14, 0
    SADDI r13, r13, 1
adv_55:
    SLI r17, 7
    SLT r54, r13, r17
    CB r54, prefetch_56
    JUMP go_57
prefetch_56:
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 11
    SLT r19, r18, r24
    CB r19, ok_58_clamp
    JUMP ok_58
ok_58_clamp:
    SADDI r24, r18, 0
ok_58:
    SLI r17, 2
    SMUL r25, r14, r17
    SLI r18, 11
    SLT r19, r18, r25
    CB r19, ok_59_clamp
    JUMP ok_59
ok_59_clamp:
    SADDI r25, r18, 0
ok_59:
    SSUB r2, r27, r2
    SLI r17, 0x1e00
    SMUL r17, r24, r17
    SLI r18, 512
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 4
    SLI r21, 64
    SLI r22, 512
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 256
    SADDI r28, r1, 7680
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 512
    SADDI r28, r1, 15360
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 768
    SADDI r28, r1, 23040
    MLOAD r23, r28, r20, r21, r22
go_57:
    CB r43, init_60_reload
    SLI r17, 4
    OP r4, r31, r32, r17, r9 acc=0
    JUMP ready_61
init_60_reload:
    SLI r17, 384
    SMUL r23, r26, r17
    SLI r18, 0x460000
    SADD r23, r23, r18
    VLOAD r4, r23, r17
ready_61:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 64
    SADDI r6, r6, 96
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r53, 256
    SADDI r6, r4, 192
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 64
    SADDI r6, r6, 96
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r17, 7
    SLT r19, r43, r17
    CB r19, finish_62_spill
    SLI r29, 96
    SLI r23, 0xa0000180
    VACT r23, r4, r29, r30 shift=12 func=relu
    SLI r17, 0x2d00
    SMUL r17, r51, r17
    SLI r18, 768
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000180
    SLI r20, 2
    SLI r21, 48
    SLI r22, 768
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 11520
    SADDI r17, r28, 96
    MSTORE r23, r17, r20, r21, r22
    JUMP stored_63
finish_62_spill:
    SLI r17, 384
    SMUL r23, r26, r17
    SLI r18, 0x460000
    SADD r23, r23, r18
    VSTORE r23, r4, r17
stored_63:
    SADDI r26, r26, 1
    CB r54, tile_54
    SADDI r46, r46, 64
    SADDI r43, r43, 1
    SLI r17, 8
    SLT r19, r43, r17
    CB r19, loop_51
    SADDI r47, r47, 48
    SADDI r42, r42, 1
    SLI r17, 16
    SLT r19, r42, r17
    CB r19, loop_50
    SADDI r48, r48, 512
    SADDI r49, r49, 768
    SADDI r41, r41, 1
    SLI r17, 1
    SLT r19, r41, r17
    CB r19, loop_49
    SLI r45, 0x45fcc0
    SLI r44, 0x2afcc0

; ---- layer 5: conv4 (conv2d)
layer5:
    ; tile: 2x2 output pixels, 32 outputs x 24 inputs per block; 2 group(s) x 6 output tiles x 8 input tiles x 7x7 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0x5a8c80
    SLI r28, 0xa0000300
    SLI r29, 8
    VLOAD r28, r23, r29
    SLI r27, 1024
    SLI r50, 0x20004000
    SLI r3, 0x90000000
    SLI r44, 0x464980
    SLI r45, 0x5a8980
    ; image 0
    SLI r48, 0x17d940
    SLI r49, 0x1aac40
    SLI r41, 0
loop_64:
    SADDI r47, r49, 0
    SLI r42, 0
loop_65:
    SLI r28, 0xa0000308
    SLI r29, 64
    VLOAD r28, r45, r29
    SADDI r45, r45, 64
    SADDI r46, r48, 0
    SLI r43, 0
loop_66:
    SSUB r3, r50, r3
    SLI r29, 0x3600
    VLOAD r3, r44, r29
    SADDI r44, r44, 13824
    SLI r4, 0xa0000000
    SLI r9, 32
    SLI r10, 216
    SLI r11, 3
    SLI r12, 192
    SLI r31, 0xa0000300
    SLI r32, 0xa0000308
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 11
    SLT r19, r18, r24
    CB r19, ok_67_clamp
    JUMP ok_67
ok_67_clamp:
    SADDI r24, r18, 0
ok_67:
    SLI r17, 2
    SMUL r25, r14, r17
    SLI r18, 11
    SLT r19, r18, r25
    CB r19, ok_68_clamp
    JUMP ok_68
ok_68_clamp:
    SADDI r25, r18, 0
ok_68:
    SLI r17, 0x2d00
    SMUL r17, r24, r17
    SLI r18, 768
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 4
    SLI r21, 48
    SLI r22, 768
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 192
    SADDI r28, r1, 11520
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 384
    SADDI r28, r1, 23040
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 576
    SADDI r28, r1, 34560
    MLOAD r23, r28, r20, r21, r22
tile_69:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 7
    SLT r19, r14, r17
    CB r19, adv_70
    SLI r14, 0
    SADDI r13, r13, 1
adv_70:
    SLI r17, 7
    SLT r54, r13, r17
    CB r54, prefetch_71
    JUMP go_72
prefetch_71:
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 11
    SLT r19, r18, r24
    CB r19, ok_73_clamp
    JUMP ok_73
ok_73_clamp:
    SADDI r24, r18, 0
ok_73:
    SLI r17, 2
    SMUL r25, r14, r17
    SLI r18, 11
    SLT r19, r18, r25
    CB r19, ok_74_clamp
    JUMP ok_74
ok_74_clamp:
    SADDI r25, r18, 0
ok_74:
    SSUB r2, r27, r2
    SLI r17, 0x2d00
    SMUL r17, r24, r17
    SLI r18, 768
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 4
    SLI r21, 48
    SLI r22, 768
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 192
    SADDI r28, r1, 11520
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 384
    SADDI r28, r1, 23040
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 576
    SADDI r28, r1, 34560
    MLOAD r23, r28, r20, r21, r22
go_72:
    CB r43, init_75_reload
    SLI r17, 4
    OP r4, r31, r32, r17, r9 acc=0
    JUMP ready_76
init_75_reload:
    SLI r17, 512
    SMUL r23, r26, r17
    SLI r18, 0x5a8cc0
    SADD r23, r23, r18
    VLOAD r4, r23, r17
ready_76:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 48
    SADDI r6, r6, 128
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r53, 192
    SADDI r6, r4, 256
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 48
    SADDI r6, r6, 128
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r17, 7
    SLT r19, r43, r17
    CB r19, finish_77_spill
    SLI r29, 128
    SLI r23, 0xa0000200
    VACT r23, r4, r29, r30 shift=12 func=relu
    SLI r17, 0x2d00
    SMUL r17, r51, r17
    SLI r18, 768
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000200
    SLI r20, 2
    SLI r21, 64
    SLI r22, 768
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 11520
    SADDI r17, r28, 128
    MSTORE r23, r17, r20, r21, r22
    JUMP stored_78
finish_77_spill:
    SLI r17, 512
    SMUL r23, r26, r17
    SLI r18, 0x5a8cc0
    SADD r23, r23, r18
    VSTORE r23, r4, r17
stored_78:
    SADDI r26, r26, 1
    CB r54, tile_69
    SADDI r46, r46, 48
    SADDI r43, r43, 1
    SLI r17, 8
    SLT r19, r43, r17
    CB r19, loop_66
    SADDI r47, r47, 64
    SADDI r42, r42, 1
    SLI r17, 6
    SLT r19, r42, r17
    CB r19, loop_65
    SADDI r48, r48, 384
    SADDI r49, r49, 384
    SADDI r41, r41, 1
    SLI r17, 2
    SLT r19, r41, r17
    CB r19, loop_64
    SLI r45, 0x5a8980
    SLI r44, 0x464980

; ---- layer 6: conv5 (conv2d)
layer6:
    ; tile: 2x2 output pixels, 32 outputs x 24 inputs per block; 2 group(s) x 4 output tiles x 8 input tiles x 7x7 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0x6870c0
    SLI r28, 0xa0000300
    SLI r29, 8
    VLOAD r28, r23, r29
    SLI r27, 1024
    SLI r50, 0x20004000
    SLI r3, 0x90000000
    SLI r44, 0x5aeec0
    SLI r45, 0x686ec0
    ; image 0
    SLI r48, 0x1a7c40
    SLI r49, 0x1d1f40
    SLI r41, 0
loop_79:
    SADDI r47, r49, 0
    SLI r42, 0
loop_80:
    SLI r28, 0xa0000308
    SLI r29, 64
    VLOAD r28, r45, r29
    SADDI r45, r45, 64
    SADDI r46, r48, 0
    SLI r43, 0
loop_81:
    SSUB r3, r50, r3
    SLI r29, 0x3600
    VLOAD r3, r44, r29
    SADDI r44, r44, 13824
    SLI r4, 0xa0000000
    SLI r9, 32
    SLI r10, 216
    SLI r11, 3
    SLI r12, 192
    SLI r31, 0xa0000300
    SLI r32, 0xa0000308
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 11
    SLT r19, r18, r24
    CB r19, ok_82_clamp
    JUMP ok_82
ok_82_clamp:
    SADDI r24, r18, 0
ok_82:
    SLI r17, 2
    SMUL r25, r14, r17
    SLI r18, 11
    SLT r19, r18, r25
    CB r19, ok_83_clamp
    JUMP ok_83
ok_83_clamp:
    SADDI r25, r18, 0
ok_83:
    SLI r17, 0x2d00
    SMUL r17, r24, r17
    SLI r18, 768
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 4
    SLI r21, 48
    SLI r22, 768
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 192
    SADDI r28, r1, 11520
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 384
    SADDI r28, r1, 23040
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 576
    SADDI r28, r1, 34560
    MLOAD r23, r28, r20, r21, r22
tile_84:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 7
    SLT r19, r14, r17
    CB r19, adv_85
    SLI r14, 0
    SADDI r13, r13, 1
adv_85:
    SLI r17, 7
    SLT r54, r13, r17
    CB r54, prefetch_86
    JUMP go_87
prefetch_86:
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 11
    SLT r19, r18, r24
    CB r19, ok_88_clamp
    JUMP ok_88
ok_88_clamp:
    SADDI r24, r18, 0
ok_88:
    SLI r17, 2
    SMUL r25, r14, r17
    SLI r18, 11
    SLT r19, r18, r25
    CB r19, ok_89_clamp
    JUMP ok_89
ok_89_clamp:
    SADDI r25, r18, 0
ok_89:
    SSUB r2, r27, r2
    SLI r17, 0x2d00
    SMUL r17, r24, r17
    SLI r18, 768
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 4
    SLI r21, 48
    SLI r22, 768
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 192
    SADDI r28, r1, 11520
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 384
    SADDI r28, r1, 23040
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 576
    SADDI r28, r1, 34560
    MLOAD r23, r28, r20, r21, r22
go_87:
    CB r43, init_90_reload
    SLI r17, 4
    OP r4, r31, r32, r17, r9 acc=0
    JUMP ready_91
init_90_reload:
    SLI r17, 512
    SMUL r23, r26, r17
    SLI r18, 0x687100
    SADD r23, r23, r18
    VLOAD r4, r23, r17
ready_91:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 48
    SADDI r6, r6, 128
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r53, 192
    SADDI r6, r4, 256
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 48
    SADDI r6, r6, 128
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r17, 7
    SLT r19, r43, r17
    CB r19, finish_92_spill
    SLI r29, 128
    SLI r23, 0xa0000200
    VACT r23, r4, r29, r30 shift=12 func=relu
    SLI r17, 0x1a00
    SMUL r17, r51, r17
    SLI r18, 512
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000200
    SLI r20, 2
    SLI r21, 64
    SLI r22, 512
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 6656
    SADDI r17, r28, 128
    MSTORE r23, r17, r20, r21, r22
    JUMP stored_93
finish_92_spill:
    SLI r17, 512
    SMUL r23, r26, r17
    SLI r18, 0x687100
    SADD r23, r23, r18
    VSTORE r23, r4, r17
stored_93:
    SADDI r26, r26, 1
    CB r54, tile_84
    SADDI r46, r46, 48
    SADDI r43, r43, 1
    SLI r17, 8
    SLT r19, r43, r17
    CB r19, loop_81
    SADDI r47, r47, 64
    SADDI r42, r42, 1
    SLI r17, 4
    SLT r19, r42, r17
    CB r19, loop_80
    SADDI r48, r48, 384
    SADDI r49, r49, 256
    SADDI r41, r41, 1
    SLI r17, 2
    SLT r19, r41, r17
    CB r19, loop_79
    SLI r45, 0x686ec0
    SLI r44, 0x5aeec0

; ---- layer 7: pool5 (maxpool)
layer7:
    ; maxpool 3x3/2: tile 6x6 pixels x 2 channels
    SLI r27, 1024
    SLI r46, 0x1d1f40
    SLI r47, 0x1e7140
    SLI r29, 2
    SLI r43, 0
loop_94:
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 6
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_95_clamp
    JUMP ok_95
ok_95_clamp:
    SADDI r24, r18, 0
ok_95:
    SLI r17, 6
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_96_clamp
    JUMP ok_96
ok_96_clamp:
    SADDI r25, r18, 0
ok_96:
    SLI r17, 0x3400
    SMUL r17, r24, r17
    SLI r18, 1024
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 13
    SLI r21, 4
    SLI r22, 512
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 52
    SADDI r28, r1, 6656
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 104
    SADDI r28, r1, 13312
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 156
    SADDI r28, r1, 19968
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 208
    SADDI r28, r1, 26624
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 260
    SADDI r28, r1, 33280
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 312
    SADDI r28, r1, 39936
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 364
    SADDI r28, r1, 46592
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 416
    SADDI r28, r1, 53248
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 468
    SADDI r28, r1, 59904
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 520
    SADDI r28, r1, 66560
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 572
    SADDI r28, r1, 73216
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 624
    SADDI r28, r1, 79872
    MLOAD r23, r28, r20, r21, r22
tile_97:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_98
    SLI r14, 0
    SADDI r13, r13, 1
adv_98:
    SLI r17, 1
    SLT r54, r13, r17
    CB r54, prefetch_99
    JUMP go_100
prefetch_99:
    SLI r17, 6
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_101_clamp
    JUMP ok_101
ok_101_clamp:
    SADDI r24, r18, 0
ok_101:
    SLI r17, 6
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_102_clamp
    JUMP ok_102
ok_102_clamp:
    SADDI r25, r18, 0
ok_102:
    SSUB r2, r27, r2
    SLI r17, 0x3400
    SMUL r17, r24, r17
    SLI r18, 1024
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 13
    SLI r21, 4
    SLI r22, 512
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 52
    SADDI r28, r1, 6656
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 104
    SADDI r28, r1, 13312
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 156
    SADDI r28, r1, 19968
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 208
    SADDI r28, r1, 26624
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 260
    SADDI r28, r1, 33280
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 312
    SADDI r28, r1, 39936
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 364
    SADDI r28, r1, 46592
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 416
    SADDI r28, r1, 53248
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 468
    SADDI r28, r1, 59904
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 520
    SADDI r28, r1, 66560
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 572
    SADDI r28, r1, 73216
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 624
    SADDI r28, r1, 79872
    MLOAD r23, r28, r20, r21, r22
go_100:
    SLI r6, 0xa0000000
    SADDI r8, r53, 0
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 4
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 52
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 56
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 60
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 104
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 108
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 112
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000004
    SADDI r8, r53, 8
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 12
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 16
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 60
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 64
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 68
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 112
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 116
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 120
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000008
    SADDI r8, r53, 16
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 20
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 24
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 68
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 72
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 76
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 120
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 124
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 128
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000000c
    SADDI r8, r53, 24
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 28
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 32
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 76
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 80
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 84
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 128
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 132
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 136
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000010
    SADDI r8, r53, 32
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 36
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 40
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 84
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 88
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 92
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 136
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 144
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000014
    SADDI r8, r53, 40
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 44
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 48
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 92
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 96
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 144
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 148
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 152
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000018
    SADDI r8, r53, 104
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 108
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 112
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 156
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 160
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 164
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 208
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 212
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 216
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000001c
    SADDI r8, r53, 112
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 116
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 120
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 164
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 168
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 172
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 216
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 220
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 224
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000020
    SADDI r8, r53, 120
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 124
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 128
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 172
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 176
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 180
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 224
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 228
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 232
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000024
    SADDI r8, r53, 128
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 132
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 136
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 180
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 184
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 188
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 232
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 236
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 240
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000028
    SADDI r8, r53, 136
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 144
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 188
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 192
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 196
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 240
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 244
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 248
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000002c
    SADDI r8, r53, 144
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 148
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 152
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 196
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 200
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 204
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 248
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 252
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 256
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000030
    SADDI r8, r53, 208
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 212
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 216
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 260
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 264
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 268
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 312
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 316
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 320
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000034
    SADDI r8, r53, 216
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 220
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 224
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 268
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 272
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 276
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 324
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 328
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000038
    SADDI r8, r53, 224
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 228
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 232
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 276
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 280
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 284
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 328
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 332
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 336
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000003c
    SADDI r8, r53, 232
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 236
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 240
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 284
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 288
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 292
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 336
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 340
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 344
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000040
    SADDI r8, r53, 240
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 244
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 248
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 292
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 296
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 344
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 348
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 352
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000044
    SADDI r8, r53, 248
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 252
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 256
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 304
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 308
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 352
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 356
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 360
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000048
    SADDI r8, r53, 312
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 316
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 364
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 368
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 372
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 416
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 420
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 424
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000004c
    SADDI r8, r53, 320
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 324
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 328
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 372
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 376
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 380
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 424
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 428
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 432
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000050
    SADDI r8, r53, 328
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 332
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 336
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 380
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 384
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 388
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 432
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 436
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 440
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000054
    SADDI r8, r53, 336
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 340
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 344
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 388
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 392
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 396
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 444
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 448
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000058
    SADDI r8, r53, 344
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 348
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 352
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 396
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 404
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 448
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 452
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 456
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000005c
    SADDI r8, r53, 352
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 356
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 404
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 408
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 412
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 456
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 460
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 464
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000060
    SADDI r8, r53, 416
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 420
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 424
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 468
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 472
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 476
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 524
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 528
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000064
    SADDI r8, r53, 424
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 428
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 432
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 476
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 484
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 528
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 532
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 536
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000068
    SADDI r8, r53, 432
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 436
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 484
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 488
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 492
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 536
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 540
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 544
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000006c
    SADDI r8, r53, 440
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 444
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 448
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 492
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 496
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 500
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 544
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 548
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 552
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000070
    SADDI r8, r53, 448
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 452
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 456
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 500
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 504
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 508
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 552
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 556
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 560
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000074
    SADDI r8, r53, 456
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 460
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 464
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 508
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 512
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 516
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 564
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 568
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000078
    SADDI r8, r53, 520
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 524
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 528
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 572
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 576
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 580
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 624
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 628
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 632
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000007c
    SADDI r8, r53, 528
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 532
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 536
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 580
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 584
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 588
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 632
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 636
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 640
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000080
    SADDI r8, r53, 536
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 540
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 544
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 588
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 592
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 596
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 640
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 644
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 648
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000084
    SADDI r8, r53, 544
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 548
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 552
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 596
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 604
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 648
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 652
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 656
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000088
    SADDI r8, r53, 552
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 556
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 604
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 608
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 612
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 656
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 660
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 664
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000008c
    SADDI r8, r53, 560
    SLI r17, 4
    VMOVE r6, r8, r17
    SADDI r8, r53, 564
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 568
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 612
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 616
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 620
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 664
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 668
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 672
    VMAX r6, r6, r8, r29
    SLI r17, 3072
    SMUL r17, r51, r17
    SLI r18, 512
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000000
    SLI r20, 6
    SLI r21, 4
    SLI r22, 512
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 3072
    SADDI r17, r28, 24
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 6144
    SADDI r17, r28, 48
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 9216
    SADDI r17, r28, 72
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 12288
    SADDI r17, r28, 96
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 15360
    SADDI r17, r28, 120
    MSTORE r23, r17, r20, r21, r22
    SADDI r26, r26, 1
    CB r54, tile_97
    SADDI r46, r46, 4
    SADDI r47, r47, 4
    SADDI r43, r43, 1
    SLI r17, 128
    SLT r19, r43, r17
    CB r19, loop_94

; ---- layer 8: fc6 (linear)
layer8:
    ; tile: 1x1 output pixels, 32 outputs x 256 inputs per block; 1 group(s) x 128 output tiles x 36 input tiles x 1x1 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0x4e8f300
    SLI r28, 0xa00000c0
    SLI r29, 2
    VLOAD r28, r23, r29
    SLI r27, 1024
    SLI r50, 0x20004000
    SLI r3, 0x90000000
    SLI r44, 0x68d300
    SLI r45, 0x4e8d300
    ; image 0
    SLI r48, 0x1e7140
    SLI r49, 0x1eb940
    SLI r41, 0
loop_103:
    SADDI r47, r49, 0
    SLI r42, 0
loop_104:
    SLI r28, 0xa00000c2
    SLI r29, 64
    VLOAD r28, r45, r29
    SADDI r45, r45, 64
    SADDI r46, r48, 0
    SLI r43, 0
loop_105:
    SSUB r3, r50, r3
    SLI r29, 0x4000
    VLOAD r3, r44, r29
    SADDI r44, r44, 16384
    SLI r4, 0xa0000000
    SLI r9, 32
    SLI r10, 256
    SLI r11, 1
    SLI r12, 512
    SLI r31, 0xa00000c0
    SLI r32, 0xa00000c2
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_106_clamp
    JUMP ok_106
ok_106_clamp:
    SADDI r24, r18, 0
ok_106:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_107_clamp
    JUMP ok_107
ok_107_clamp:
    SADDI r25, r18, 0
ok_107:
    SLI r17, 0x4800
    SMUL r17, r24, r17
    SLI r18, 0x4800
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 1
    SLI r21, 512
    SLI r22, 0x4800
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
tile_108:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_109
    SLI r14, 0
    SADDI r13, r13, 1
adv_109:
    SLI r17, 1
    SLT r54, r13, r17
    CB r54, prefetch_110
    JUMP go_111
prefetch_110:
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_112_clamp
    JUMP ok_112
ok_112_clamp:
    SADDI r24, r18, 0
ok_112:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_113_clamp
    JUMP ok_113
ok_113_clamp:
    SADDI r25, r18, 0
ok_113:
    SSUB r2, r27, r2
    SLI r17, 0x4800
    SMUL r17, r24, r17
    SLI r18, 0x4800
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 1
    SLI r21, 512
    SLI r22, 0x4800
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
go_111:
    CB r43, init_114_reload
    SLI r17, 1
    OP r4, r31, r32, r17, r9 acc=0
    JUMP ready_115
init_114_reload:
    SLI r17, 128
    SMUL r23, r26, r17
    SLI r18, 0x4e8f340
    SADD r23, r23, r18
    VLOAD r4, r23, r17
ready_115:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r17, 35
    SLT r19, r43, r17
    CB r19, finish_116_spill
    SLI r29, 32
    SLI r23, 0xa0000080
    VACT r23, r4, r29, r30 shift=12 func=relu
    SLI r17, 0x2000
    SMUL r17, r51, r17
    SLI r18, 0x2000
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000080
    SLI r20, 1
    SLI r21, 64
    SLI r22, 0x2000
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    JUMP stored_117
finish_116_spill:
    SLI r17, 128
    SMUL r23, r26, r17
    SLI r18, 0x4e8f340
    SADD r23, r23, r18
    VSTORE r23, r4, r17
stored_117:
    SADDI r26, r26, 1
    CB r54, tile_108
    SADDI r46, r46, 512
    SADDI r43, r43, 1
    SLI r17, 36
    SLT r19, r43, r17
    CB r19, loop_105
    SADDI r47, r47, 64
    SADDI r42, r42, 1
    SLI r17, 128
    SLT r19, r42, r17
    CB r19, loop_104
    SADDI r48, r48, 18432
    SADDI r49, r49, 8192
    SADDI r41, r41, 1
    SLI r17, 1
    SLT r19, r41, r17
    CB r19, loop_103
    SLI r45, 0x4e8d300
    SLI r44, 0x68d300

; ---- layer 9: fc7 (linear)
layer9:
    ; tile: 1x1 output pixels, 32 outputs x 256 inputs per block; 1 group(s) x 128 output tiles x 16 input tiles x 1x1 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0x6e913c0
    SLI r28, 0xa00000c0
    SLI r29, 2
    VLOAD r28, r23, r29
    SLI r27, 1024
    SLI r50, 0x20004000
    SLI r3, 0x90000000
    SLI r44, 0x4e8f3c0
    SLI r45, 0x6e8f3c0
    ; image 0
    SLI r48, 0x1eb940
    SLI r49, 0x1ed940
    SLI r41, 0
loop_118:
    SADDI r47, r49, 0
    SLI r42, 0
loop_119:
    SLI r28, 0xa00000c2
    SLI r29, 64
    VLOAD r28, r45, r29
    SADDI r45, r45, 64
    SADDI r46, r48, 0
    SLI r43, 0
loop_120:
    SSUB r3, r50, r3
    SLI r29, 0x4000
    VLOAD r3, r44, r29
    SADDI r44, r44, 16384
    SLI r4, 0xa0000000
    SLI r9, 32
    SLI r10, 256
    SLI r11, 1
    SLI r12, 512
    SLI r31, 0xa00000c0
    SLI r32, 0xa00000c2
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_121_clamp
    JUMP ok_121
ok_121_clamp:
    SADDI r24, r18, 0
ok_121:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_122_clamp
    JUMP ok_122
ok_122_clamp:
    SADDI r25, r18, 0
ok_122:
    SLI r17, 0x2000
    SMUL r17, r24, r17
    SLI r18, 0x2000
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 1
    SLI r21, 512
    SLI r22, 0x2000
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
tile_123:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_124
    SLI r14, 0
    SADDI r13, r13, 1
adv_124:
    SLI r17, 1
    SLT r54, r13, r17
    CB r54, prefetch_125
    JUMP go_126
prefetch_125:
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_127_clamp
    JUMP ok_127
ok_127_clamp:
    SADDI r24, r18, 0
ok_127:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_128_clamp
    JUMP ok_128
ok_128_clamp:
    SADDI r25, r18, 0
ok_128:
    SSUB r2, r27, r2
    SLI r17, 0x2000
    SMUL r17, r24, r17
    SLI r18, 0x2000
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 1
    SLI r21, 512
    SLI r22, 0x2000
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
go_126:
    CB r43, init_129_reload
    SLI r17, 1
    OP r4, r31, r32, r17, r9 acc=0
    JUMP ready_130
init_129_reload:
    SLI r17, 128
    SMUL r23, r26, r17
    SLI r18, 0x6e91400
    SADD r23, r23, r18
    VLOAD r4, r23, r17
ready_130:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r17, 15
    SLT r19, r43, r17
    CB r19, finish_131_spill
    SLI r29, 32
    SLI r23, 0xa0000080
    VACT r23, r4, r29, r30 shift=12 func=relu
    SLI r17, 0x2000
    SMUL r17, r51, r17
    SLI r18, 0x2000
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000080
    SLI r20, 1
    SLI r21, 64
    SLI r22, 0x2000
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    JUMP stored_132
finish_131_spill:
    SLI r17, 128
    SMUL r23, r26, r17
    SLI r18, 0x6e91400
    SADD r23, r23, r18
    VSTORE r23, r4, r17
stored_132:
    SADDI r26, r26, 1
    CB r54, tile_123
    SADDI r46, r46, 512
    SADDI r43, r43, 1
    SLI r17, 16
    SLT r19, r43, r17
    CB r19, loop_120
    SADDI r47, r47, 64
    SADDI r42, r42, 1
    SLI r17, 128
    SLT r19, r42, r17
    CB r19, loop_119
    SADDI r48, r48, 8192
    SADDI r49, r49, 8192
    SADDI r41, r41, 1
    SLI r17, 1
    SLT r19, r41, r17
    CB r19, loop_118
    SLI r45, 0x6e8f3c0
    SLI r44, 0x4e8f3c0

; ---- layer 10: fc8 (linear)
layer10:
    ; tile: 1x1 output pixels, 25 outputs x 256 inputs per block; 1 group(s) x 40 output tiles x 16 input tiles x 1x1 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0x7661c80
    SLI r28, 0xa0000096
    SLI r29, 2
    VLOAD r28, r23, r29
    SLI r27, 1024
    SLI r50, 0x20004000
    SLI r3, 0x90000000
    SLI r44, 0x6e91480
    SLI r45, 0x7661480
    ; image 0
    SLI r48, 0x1ed940
    SLI r49, 0x1ef940
    SLI r41, 0
loop_133:
    SADDI r47, r49, 0
    SLI r42, 0
loop_134:
    SLI r28, 0xa0000098
    SLI r29, 50
    VLOAD r28, r45, r29
    SADDI r45, r45, 50
    SADDI r46, r48, 0
    SLI r43, 0
loop_135:
    SSUB r3, r50, r3
    SLI r29, 0x3200
    VLOAD r3, r44, r29
    SADDI r44, r44, 12800
    SLI r4, 0xa0000000
    SLI r9, 25
    SLI r10, 256
    SLI r11, 1
    SLI r12, 512
    SLI r31, 0xa0000096
    SLI r32, 0xa0000098
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_136_clamp
    JUMP ok_136
ok_136_clamp:
    SADDI r24, r18, 0
ok_136:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_137_clamp
    JUMP ok_137
ok_137_clamp:
    SADDI r25, r18, 0
ok_137:
    SLI r17, 0x2000
    SMUL r17, r24, r17
    SLI r18, 0x2000
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 1
    SLI r21, 512
    SLI r22, 0x2000
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
tile_138:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_139
    SLI r14, 0
    SADDI r13, r13, 1
adv_139:
    SLI r17, 1
    SLT r54, r13, r17
    CB r54, prefetch_140
    JUMP go_141
prefetch_140:
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_142_clamp
    JUMP ok_142
ok_142_clamp:
    SADDI r24, r18, 0
ok_142:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_143_clamp
    JUMP ok_143
ok_143_clamp:
    SADDI r25, r18, 0
ok_143:
    SSUB r2, r27, r2
    SLI r17, 0x2000
    SMUL r17, r24, r17
    SLI r18, 0x2000
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 1
    SLI r21, 512
    SLI r22, 0x2000
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
go_141:
    CB r43, init_144_reload
    SLI r17, 1
    OP r4, r31, r32, r17, r9 acc=0
    JUMP ready_145
init_144_reload:
    SLI r17, 100
    SMUL r23, r26, r17
    SLI r18, 0x7661cc0
    SADD r23, r23, r18
    VLOAD r4, r23, r17
ready_145:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r17, 15
    SLT r19, r43, r17
    CB r19, finish_146_spill
    SLI r29, 25
    SLI r23, 0xa0000064
    VACT r23, r4, r29, r30 shift=12 func=none
    SLI r17, 2000
    SMUL r17, r51, r17
    SLI r18, 2000
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000064
    SLI r20, 1
    SLI r21, 50
    SLI r22, 2000
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    JUMP stored_147
finish_146_spill:
    SLI r17, 100
    SMUL r23, r26, r17
    SLI r18, 0x7661cc0
    SADD r23, r23, r18
    VSTORE r23, r4, r17
stored_147:
    SADDI r26, r26, 1
    CB r54, tile_138
    SADDI r46, r46, 512
    SADDI r43, r43, 1
    SLI r17, 16
    SLT r19, r43, r17
    CB r19, loop_135
    SADDI r47, r47, 50
    SADDI r42, r42, 1
    SLI r17, 40
    SLT r19, r42, r17
    CB r19, loop_134
    SADDI r48, r48, 8192
    SADDI r49, r49, 2000
    SADDI r41, r41, 1
    SLI r17, 1
    SLT r19, r41, r17
    CB r19, loop_133
    SLI r45, 0x7661480
    SLI r44, 0x6e91480

    HALT
