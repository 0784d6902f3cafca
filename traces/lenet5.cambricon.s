; lenet5: 6 layers, batch 1; activations Q8.8, HWC in DRAM

; ---- layer 0: conv1 (conv2d)
layer0:
    ; tile: 8x24 output pixels, 20 outputs x 1 inputs per block; 1 group(s) x 1 output tiles x 1 input tiles x 3x1 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0x9e80
    SLI r28, 0xa0005a00
    SLI r29, 384
    VLOAD r28, r23, r29
    SLI r27, 0x4000
    SLI r50, 0x20060000
    SLI r3, 0x90000000
    SLI r44, 0x9a40
    SLI r45, 0x9e40
    ; image 0
    SLI r48, 0
    SLI r49, 1600
    SLI r41, 0
loop_1:
    SADDI r47, r49, 0
    SLI r42, 0
loop_2:
    SLI r28, 0xa0005b80
    SLI r29, 40
    VLOAD r28, r45, r29
    SADDI r45, r45, 40
    SADDI r46, r48, 0
    SLI r43, 0
loop_3:
    SSUB r3, r50, r3
    SLI r29, 1000
    VLOAD r3, r44, r29
    SADDI r44, r44, 1000
    SLI r4, 0xa0000000
    SLI r9, 20
    SLI r10, 25
    SLI r11, 5
    SLI r12, 56
    SLI r31, 0xa0005a00
    SLI r32, 0xa0005b80
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 8
    SMUL r24, r13, r17
    SLI r18, 16
    SLT r19, r18, r24
    CB r19, ok_4_clamp
    JUMP ok_4
ok_4_clamp:
    SADDI r24, r18, 0
ok_4:
    SLI r17, 24
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_5_clamp
    JUMP ok_5
ok_5_clamp:
    SADDI r25, r18, 0
ok_5:
    SLI r17, 56
    SMUL r17, r24, r17
    SLI r18, 2
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 12
    SLI r21, 56
    SLI r22, 56
    MLOAD r2, r1, r20, r21, r22
tile_6:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_7
    SLI r14, 0
    SADDI r13, r13, 1
adv_7:
    SLI r17, 3
    SLT r54, r13, r17
    CB r54, prefetch_8
    JUMP go_9
prefetch_8:
    SLI r17, 8
    SMUL r24, r13, r17
    SLI r18, 16
    SLT r19, r18, r24
    CB r19, ok_10_clamp
    JUMP ok_10
ok_10_clamp:
    SADDI r24, r18, 0
ok_10:
    SLI r17, 24
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_11_clamp
    JUMP ok_11
ok_11_clamp:
    SADDI r25, r18, 0
ok_11:
    SSUB r2, r27, r2
    SLI r17, 56
    SMUL r17, r24, r17
    SLI r18, 2
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 12
    SLI r21, 56
    SLI r22, 56
    MLOAD r2, r1, r20, r21, r22
go_9:
    SLI r17, 192
    OP r4, r31, r32, r17, r9 acc=0
ready_13:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    SLI r19, 0
    SLI r18, 24
px_14:
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    SADDI r19, r19, 1
    SLT r17, r19, r18
    CB r17, px_14
    SADDI r8, r53, 56
    SADDI r6, r4, 1920
    SLI r19, 0
    SLI r18, 24
px_15:
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    SADDI r19, r19, 1
    SLT r17, r19, r18
    CB r17, px_15
    SADDI r8, r53, 112
    SADDI r6, r4, 3840
    SLI r19, 0
    SLI r18, 24
px_16:
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    SADDI r19, r19, 1
    SLT r17, r19, r18
    CB r17, px_16
    SADDI r8, r53, 168
    SADDI r6, r4, 5760
    SLI r19, 0
    SLI r18, 24
px_17:
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    SADDI r19, r19, 1
    SLT r17, r19, r18
    CB r17, px_17
    SADDI r8, r53, 224
    SADDI r6, r4, 7680
    SLI r19, 0
    SLI r18, 24
px_18:
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    SADDI r19, r19, 1
    SLT r17, r19, r18
    CB r17, px_18
    SADDI r8, r53, 280
    SADDI r6, r4, 9600
    SLI r19, 0
    SLI r18, 24
px_19:
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    SADDI r19, r19, 1
    SLT r17, r19, r18
    CB r17, px_19
    SADDI r8, r53, 336
    SADDI r6, r4, 11520
    SLI r19, 0
    SLI r18, 24
px_20:
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    SADDI r19, r19, 1
    SLT r17, r19, r18
    CB r17, px_20
    SADDI r8, r53, 392
    SADDI r6, r4, 13440
    SLI r19, 0
    SLI r18, 24
px_21:
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    SADDI r19, r19, 1
    SLT r17, r19, r18
    CB r17, px_21
    SLI r29, 3840
    SLI r23, 0xa0003c00
    VACT r23, r4, r29, r30 shift=12 func=none
    SLI r17, 960
    SMUL r17, r51, r17
    SLI r18, 40
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0003c00
    SLI r20, 8
    SLI r21, 960
    SLI r22, 960
    MSTORE r5, r28, r20, r21, r22
stored_23:
    SADDI r26, r26, 1
    CB r54, tile_6
    SADDI r46, r46, 2
    SADDI r43, r43, 1
    SLI r17, 1
    SLT r19, r43, r17
    CB r19, loop_3
    SADDI r47, r47, 40
    SADDI r42, r42, 1
    SLI r17, 1
    SLT r19, r42, r17
    CB r19, loop_2
    SADDI r48, r48, 2
    SADDI r49, r49, 40
    SADDI r41, r41, 1
    SLI r17, 1
    SLT r19, r41, r17
    CB r19, loop_1
    SLI r45, 0x9e40
    SLI r44, 0x9a40

; ---- layer 1: pool1 (maxpool)
layer1:
    ; maxpool 2x2/2: tile 12x12 pixels x 10 channels
    SLI r27, 0x4000
    SLI r46, 1600
    SLI r47, 0x6040
    SLI r29, 10
    SLI r43, 0
loop_24:
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 12
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_25_clamp
    JUMP ok_25
ok_25_clamp:
    SADDI r24, r18, 0
ok_25:
    SLI r17, 12
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_26_clamp
    JUMP ok_26
ok_26_clamp:
    SADDI r25, r18, 0
ok_26:
    SLI r17, 1920
    SMUL r17, r24, r17
    SLI r18, 80
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 24
    SLI r21, 20
    SLI r22, 40
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 480
    SADDI r28, r1, 960
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 960
    SADDI r28, r1, 1920
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 1440
    SADDI r28, r1, 2880
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 1920
    SADDI r28, r1, 3840
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 2400
    SADDI r28, r1, 4800
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 2880
    SADDI r28, r1, 5760
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 3360
    SADDI r28, r1, 6720
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 3840
    SADDI r28, r1, 7680
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 4320
    SADDI r28, r1, 8640
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 4800
    SADDI r28, r1, 9600
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 5280
    SADDI r28, r1, 10560
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 5760
    SADDI r28, r1, 11520
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 6240
    SADDI r28, r1, 12480
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 6720
    SADDI r28, r1, 13440
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 7200
    SADDI r28, r1, 14400
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 7680
    SADDI r28, r1, 15360
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 8160
    SADDI r28, r1, 16320
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 8640
    SADDI r28, r1, 17280
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 9120
    SADDI r28, r1, 18240
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 9600
    SADDI r28, r1, 19200
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 10080
    SADDI r28, r1, 20160
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 10560
    SADDI r28, r1, 21120
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 11040
    SADDI r28, r1, 22080
    MLOAD r23, r28, r20, r21, r22
tile_27:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_28
    SLI r14, 0
    SADDI r13, r13, 1
adv_28:
    SLI r17, 1
    SLT r54, r13, r17
    CB r54, prefetch_29
    JUMP go_30
prefetch_29:
    SLI r17, 12
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_31_clamp
    JUMP ok_31
ok_31_clamp:
    SADDI r24, r18, 0
ok_31:
    SLI r17, 12
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_32_clamp
    JUMP ok_32
ok_32_clamp:
    SADDI r25, r18, 0
ok_32:
    SSUB r2, r27, r2
    SLI r17, 1920
    SMUL r17, r24, r17
    SLI r18, 80
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 24
    SLI r21, 20
    SLI r22, 40
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 480
    SADDI r28, r1, 960
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 960
    SADDI r28, r1, 1920
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 1440
    SADDI r28, r1, 2880
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 1920
    SADDI r28, r1, 3840
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 2400
    SADDI r28, r1, 4800
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 2880
    SADDI r28, r1, 5760
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 3360
    SADDI r28, r1, 6720
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 3840
    SADDI r28, r1, 7680
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 4320
    SADDI r28, r1, 8640
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 4800
    SADDI r28, r1, 9600
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 5280
    SADDI r28, r1, 10560
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 5760
    SADDI r28, r1, 11520
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 6240
    SADDI r28, r1, 12480
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 6720
    SADDI r28, r1, 13440
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 7200
    SADDI r28, r1, 14400
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 7680
    SADDI r28, r1, 15360
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 8160
    SADDI r28, r1, 16320
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 8640
    SADDI r28, r1, 17280
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 9120
    SADDI r28, r1, 18240
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 9600
    SADDI r28, r1, 19200
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 10080
    SADDI r28, r1, 20160
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 10560
    SADDI r28, r1, 21120
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 11040
    SADDI r28, r1, 22080
    MLOAD r23, r28, r20, r21, r22
go_30:
    SLI r6, 0xa0000000
    SADDI r8, r53, 0
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 20
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000014
    SADDI r8, r53, 40
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 60
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 540
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000028
    SADDI r8, r53, 80
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 580
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000003c
    SADDI r8, r53, 120
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 620
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000050
    SADDI r8, r53, 160
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 180
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 640
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 660
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000064
    SADDI r8, r53, 200
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 220
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 680
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 700
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000078
    SADDI r8, r53, 240
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 260
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 720
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 740
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000008c
    SADDI r8, r53, 280
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 760
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 780
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000a0
    SADDI r8, r53, 320
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 340
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 800
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 820
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000b4
    SADDI r8, r53, 360
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 380
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 840
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 860
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000c8
    SADDI r8, r53, 400
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 420
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 880
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 900
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000dc
    SADDI r8, r53, 440
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 460
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 920
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 940
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000f0
    SADDI r8, r53, 960
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 980
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1460
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000104
    SADDI r8, r53, 1000
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 1020
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000118
    SADDI r8, r53, 1040
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 1060
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1540
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000012c
    SADDI r8, r53, 1080
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 1100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1580
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000140
    SADDI r8, r53, 1120
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 1140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1620
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000154
    SADDI r8, r53, 1160
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 1180
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1640
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1660
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000168
    SADDI r8, r53, 1200
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 1220
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1680
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1700
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000017c
    SADDI r8, r53, 1240
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 1260
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1720
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1740
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000190
    SADDI r8, r53, 1280
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 1300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1760
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1780
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00001a4
    SADDI r8, r53, 1320
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 1340
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1800
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1820
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00001b8
    SADDI r8, r53, 1360
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 1380
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1840
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1860
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00001cc
    SADDI r8, r53, 1400
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 1420
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1880
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1900
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00001e0
    SADDI r8, r53, 1920
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 1940
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2420
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00001f4
    SADDI r8, r53, 1960
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 1980
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2460
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000208
    SADDI r8, r53, 2000
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 2020
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000021c
    SADDI r8, r53, 2040
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 2060
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2540
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000230
    SADDI r8, r53, 2080
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 2100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2580
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000244
    SADDI r8, r53, 2120
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 2140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2620
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000258
    SADDI r8, r53, 2160
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 2180
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2640
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2660
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000026c
    SADDI r8, r53, 2200
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 2220
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2680
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2700
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000280
    SADDI r8, r53, 2240
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 2260
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2720
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2740
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000294
    SADDI r8, r53, 2280
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 2300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2760
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2780
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00002a8
    SADDI r8, r53, 2320
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 2340
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2800
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2820
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00002bc
    SADDI r8, r53, 2360
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 2380
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2840
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2860
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00002d0
    SADDI r8, r53, 2880
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 2900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3380
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00002e4
    SADDI r8, r53, 2920
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 2940
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3420
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00002f8
    SADDI r8, r53, 2960
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 2980
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3460
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000030c
    SADDI r8, r53, 3000
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 3020
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000320
    SADDI r8, r53, 3040
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 3060
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3540
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000334
    SADDI r8, r53, 3080
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 3100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3580
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000348
    SADDI r8, r53, 3120
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 3140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3620
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000035c
    SADDI r8, r53, 3160
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 3180
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3640
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3660
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000370
    SADDI r8, r53, 3200
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 3220
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3680
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3700
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000384
    SADDI r8, r53, 3240
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 3260
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3720
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3740
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000398
    SADDI r8, r53, 3280
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 3300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3760
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3780
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00003ac
    SADDI r8, r53, 3320
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 3340
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3800
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3820
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00003c0
    SADDI r8, r53, 3840
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 3860
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4340
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00003d4
    SADDI r8, r53, 3880
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 3900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4380
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00003e8
    SADDI r8, r53, 3920
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 3940
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4420
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00003fc
    SADDI r8, r53, 3960
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 3980
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4460
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000410
    SADDI r8, r53, 4000
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 4020
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000424
    SADDI r8, r53, 4040
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 4060
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4540
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000438
    SADDI r8, r53, 4080
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 4100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4580
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000044c
    SADDI r8, r53, 4120
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 4140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4620
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000460
    SADDI r8, r53, 4160
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 4180
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4640
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4660
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000474
    SADDI r8, r53, 4200
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 4220
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4680
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4700
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000488
    SADDI r8, r53, 4240
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 4260
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4720
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4740
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000049c
    SADDI r8, r53, 4280
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 4300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4760
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4780
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00004b0
    SADDI r8, r53, 4800
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 4820
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5280
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5300
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00004c4
    SADDI r8, r53, 4840
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 4860
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5340
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00004d8
    SADDI r8, r53, 4880
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 4900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5380
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00004ec
    SADDI r8, r53, 4920
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 4940
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5420
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000500
    SADDI r8, r53, 4960
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 4980
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5460
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000514
    SADDI r8, r53, 5000
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 5020
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000528
    SADDI r8, r53, 5040
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 5060
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5540
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000053c
    SADDI r8, r53, 5080
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 5100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5580
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000550
    SADDI r8, r53, 5120
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 5140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5620
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000564
    SADDI r8, r53, 5160
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 5180
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5640
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5660
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000578
    SADDI r8, r53, 5200
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 5220
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5680
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5700
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000058c
    SADDI r8, r53, 5240
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 5260
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5720
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5740
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00005a0
    SADDI r8, r53, 5760
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 5780
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6240
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6260
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00005b4
    SADDI r8, r53, 5800
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 5820
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6280
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6300
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00005c8
    SADDI r8, r53, 5840
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 5860
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6340
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00005dc
    SADDI r8, r53, 5880
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 5900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6380
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00005f0
    SADDI r8, r53, 5920
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 5940
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6420
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000604
    SADDI r8, r53, 5960
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 5980
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6460
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000618
    SADDI r8, r53, 6000
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 6020
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000062c
    SADDI r8, r53, 6040
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 6060
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6540
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000640
    SADDI r8, r53, 6080
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 6100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6580
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000654
    SADDI r8, r53, 6120
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 6140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6620
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000668
    SADDI r8, r53, 6160
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 6180
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6640
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6660
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000067c
    SADDI r8, r53, 6200
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 6220
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6680
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6700
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000690
    SADDI r8, r53, 6720
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 6740
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7200
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7220
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00006a4
    SADDI r8, r53, 6760
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 6780
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7240
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7260
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00006b8
    SADDI r8, r53, 6800
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 6820
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7280
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7300
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00006cc
    SADDI r8, r53, 6840
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 6860
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7340
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00006e0
    SADDI r8, r53, 6880
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 6900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7380
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00006f4
    SADDI r8, r53, 6920
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 6940
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7420
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000708
    SADDI r8, r53, 6960
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 6980
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7460
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000071c
    SADDI r8, r53, 7000
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 7020
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000730
    SADDI r8, r53, 7040
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 7060
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7540
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000744
    SADDI r8, r53, 7080
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 7100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7580
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000758
    SADDI r8, r53, 7120
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 7140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7620
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000076c
    SADDI r8, r53, 7160
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 7180
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7640
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 7660
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000780
    SADDI r8, r53, 7680
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 7700
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8160
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8180
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000794
    SADDI r8, r53, 7720
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 7740
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8200
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8220
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00007a8
    SADDI r8, r53, 7760
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 7780
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8240
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8260
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00007bc
    SADDI r8, r53, 7800
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 7820
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8280
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8300
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00007d0
    SADDI r8, r53, 7840
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 7860
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8340
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00007e4
    SADDI r8, r53, 7880
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 7900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8380
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00007f8
    SADDI r8, r53, 7920
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 7940
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8420
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000080c
    SADDI r8, r53, 7960
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 7980
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8460
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000820
    SADDI r8, r53, 8000
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 8020
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000834
    SADDI r8, r53, 8040
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 8060
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8540
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000848
    SADDI r8, r53, 8080
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 8100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8580
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000085c
    SADDI r8, r53, 8120
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 8140
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 8620
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000870
    SADDI r8, r53, 8640
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 8660
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9120
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9140
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000884
    SADDI r8, r53, 8680
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 8700
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9160
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9180
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000898
    SADDI r8, r53, 8720
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 8740
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9200
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9220
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00008ac
    SADDI r8, r53, 8760
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 8780
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9240
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9260
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00008c0
    SADDI r8, r53, 8800
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 8820
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9280
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9300
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00008d4
    SADDI r8, r53, 8840
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 8860
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9340
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00008e8
    SADDI r8, r53, 8880
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 8900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9380
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00008fc
    SADDI r8, r53, 8920
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 8940
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9420
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000910
    SADDI r8, r53, 8960
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 8980
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9460
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000924
    SADDI r8, r53, 9000
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 9020
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000938
    SADDI r8, r53, 9040
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 9060
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9540
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000094c
    SADDI r8, r53, 9080
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 9100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9560
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 9580
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000960
    SADDI r8, r53, 9600
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 9620
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10080
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10100
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000974
    SADDI r8, r53, 9640
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 9660
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10120
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10140
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000988
    SADDI r8, r53, 9680
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 9700
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10160
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10180
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000099c
    SADDI r8, r53, 9720
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 9740
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10200
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10220
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00009b0
    SADDI r8, r53, 9760
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 9780
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10240
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10260
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00009c4
    SADDI r8, r53, 9800
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 9820
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10280
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10300
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00009d8
    SADDI r8, r53, 9840
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 9860
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10340
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00009ec
    SADDI r8, r53, 9880
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 9900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10380
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000a00
    SADDI r8, r53, 9920
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 9940
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10420
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000a14
    SADDI r8, r53, 9960
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 9980
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10460
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000a28
    SADDI r8, r53, 10000
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 10020
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000a3c
    SADDI r8, r53, 10040
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 10060
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10520
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 10540
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000a50
    SADDI r8, r53, 10560
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 10580
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11040
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11060
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000a64
    SADDI r8, r53, 10600
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 10620
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11080
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11100
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000a78
    SADDI r8, r53, 10640
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 10660
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11120
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11140
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000a8c
    SADDI r8, r53, 10680
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 10700
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11160
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11180
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000aa0
    SADDI r8, r53, 10720
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 10740
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11200
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11220
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000ab4
    SADDI r8, r53, 10760
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 10780
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11240
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11260
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000ac8
    SADDI r8, r53, 10800
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 10820
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11280
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11300
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000adc
    SADDI r8, r53, 10840
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 10860
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11340
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000af0
    SADDI r8, r53, 10880
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 10900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11380
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000b04
    SADDI r8, r53, 10920
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 10940
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11420
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000b18
    SADDI r8, r53, 10960
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 10980
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11460
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000b2c
    SADDI r8, r53, 11000
    SLI r17, 20
    VMOVE r6, r8, r17
    SADDI r8, r53, 11020
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11480
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 11500
    VMAX r6, r6, r8, r29
    SLI r17, 480
    SMUL r17, r51, r17
    SLI r18, 40
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000000
    SLI r20, 12
    SLI r21, 20
    SLI r22, 40
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 480
    SADDI r17, r28, 240
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 960
    SADDI r17, r28, 480
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 1440
    SADDI r17, r28, 720
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 1920
    SADDI r17, r28, 960
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 2400
    SADDI r17, r28, 1200
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 2880
    SADDI r17, r28, 1440
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 3360
    SADDI r17, r28, 1680
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 3840
    SADDI r17, r28, 1920
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 4320
    SADDI r17, r28, 2160
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 4800
    SADDI r17, r28, 2400
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 5280
    SADDI r17, r28, 2640
    MSTORE r23, r17, r20, r21, r22
    SADDI r26, r26, 1
    CB r54, tile_27
    SADDI r46, r46, 20
    SADDI r47, r47, 20
    SADDI r43, r43, 1
    SLI r17, 2
    SLT r19, r43, r17
    CB r19, loop_24

; ---- layer 2: conv2 (conv2d)
layer2:
    ; tile: 8x8 output pixels, 50 outputs x 20 inputs per block; 1 group(s) x 1 output tiles x 1 input tiles x 1x1 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0x16400
    SLI r28, 0xa0004b00
    SLI r29, 128
    VLOAD r28, r23, r29
    SLI r27, 0x4000
    SLI r50, 0x20060000
    SLI r3, 0x90000000
    SLI r44, 0xa000
    SLI r45, 0x16380
    ; image 0
    SLI r48, 0x6040
    SLI r49, 0x76c0
    SLI r41, 0
loop_33:
    SADDI r47, r49, 0
    SLI r42, 0
loop_34:
    SLI r28, 0xa0004b80
    SLI r29, 100
    VLOAD r28, r45, r29
    SADDI r45, r45, 100
    SADDI r46, r48, 0
    SLI r43, 0
loop_35:
    SSUB r3, r50, r3
    SLI r29, 0xc350
    VLOAD r3, r44, r29
    SADDI r44, r44, 50000
    SLI r4, 0xa0000000
    SLI r9, 50
    SLI r10, 500
    SLI r11, 5
    SLI r12, 480
    SLI r31, 0xa0004b00
    SLI r32, 0xa0004b80
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 8
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_36_clamp
    JUMP ok_36
ok_36_clamp:
    SADDI r24, r18, 0
ok_36:
    SLI r17, 8
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_37_clamp
    JUMP ok_37
ok_37_clamp:
    SADDI r25, r18, 0
ok_37:
    SLI r17, 480
    SMUL r17, r24, r17
    SLI r18, 40
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 12
    SLI r21, 480
    SLI r22, 480
    MLOAD r2, r1, r20, r21, r22
tile_38:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_39
    SLI r14, 0
    SADDI r13, r13, 1
adv_39:
    SLI r17, 1
    SLT r54, r13, r17
    CB r54, prefetch_40
    JUMP go_41
prefetch_40:
    SLI r17, 8
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_42_clamp
    JUMP ok_42
ok_42_clamp:
    SADDI r24, r18, 0
ok_42:
    SLI r17, 8
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_43_clamp
    JUMP ok_43
ok_43_clamp:
    SADDI r25, r18, 0
ok_43:
    SSUB r2, r27, r2
    SLI r17, 480
    SMUL r17, r24, r17
    SLI r18, 40
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 12
    SLI r21, 480
    SLI r22, 480
    MLOAD r2, r1, r20, r21, r22
go_41:
    SLI r17, 64
    OP r4, r31, r32, r17, r9 acc=0
ready_45:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r53, 480
    SADDI r6, r4, 1600
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r53, 960
    SADDI r6, r4, 3200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r53, 1440
    SADDI r6, r4, 4800
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r53, 1920
    SADDI r6, r4, 6400
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r53, 2400
    SADDI r6, r4, 8000
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r53, 2880
    SADDI r6, r4, 9600
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r53, 3360
    SADDI r6, r4, 11200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 40
    SADDI r6, r6, 200
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r29, 3200
    SLI r23, 0xa0003200
    VACT r23, r4, r29, r30 shift=12 func=none
    SLI r17, 800
    SMUL r17, r51, r17
    SLI r18, 100
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0003200
    SLI r20, 8
    SLI r21, 800
    SLI r22, 800
    MSTORE r5, r28, r20, r21, r22
stored_47:
    SADDI r26, r26, 1
    CB r54, tile_38
    SADDI r46, r46, 40
    SADDI r43, r43, 1
    SLI r17, 1
    SLT r19, r43, r17
    CB r19, loop_35
    SADDI r47, r47, 100
    SADDI r42, r42, 1
    SLI r17, 1
    SLT r19, r42, r17
    CB r19, loop_34
    SADDI r48, r48, 40
    SADDI r49, r49, 100
    SADDI r41, r41, 1
    SLI r17, 1
    SLT r19, r41, r17
    CB r19, loop_33
    SLI r45, 0x16380
    SLI r44, 0xa000

; ---- layer 3: pool2 (maxpool)
layer3:
    ; maxpool 2x2/2: tile 4x4 pixels x 50 channels
    SLI r27, 0x4000
    SLI r46, 0x76c0
    SLI r47, 0x8fc0
    SLI r29, 50
    SLI r43, 0
loop_48:
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 4
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_49_clamp
    JUMP ok_49
ok_49_clamp:
    SADDI r24, r18, 0
ok_49:
    SLI r17, 4
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_50_clamp
    JUMP ok_50
ok_50_clamp:
    SADDI r25, r18, 0
ok_50:
    SLI r17, 1600
    SMUL r17, r24, r17
    SLI r18, 200
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 8
    SLI r21, 800
    SLI r22, 800
    MLOAD r2, r1, r20, r21, r22
tile_51:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_52
    SLI r14, 0
    SADDI r13, r13, 1
adv_52:
    SLI r17, 1
    SLT r54, r13, r17
    CB r54, prefetch_53
    JUMP go_54
prefetch_53:
    SLI r17, 4
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_55_clamp
    JUMP ok_55
ok_55_clamp:
    SADDI r24, r18, 0
ok_55:
    SLI r17, 4
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_56_clamp
    JUMP ok_56
ok_56_clamp:
    SADDI r25, r18, 0
ok_56:
    SSUB r2, r27, r2
    SLI r17, 1600
    SMUL r17, r24, r17
    SLI r18, 200
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 8
    SLI r21, 800
    SLI r22, 800
    MLOAD r2, r1, r20, r21, r22
go_54:
    SLI r6, 0xa0000000
    SADDI r8, r53, 0
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 800
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 900
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000064
    SADDI r8, r53, 200
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1000
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1100
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000c8
    SADDI r8, r53, 400
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 500
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1200
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1300
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000012c
    SADDI r8, r53, 600
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 700
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 1500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000190
    SADDI r8, r53, 1600
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 1700
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00001f4
    SADDI r8, r53, 1800
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 1900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2700
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000258
    SADDI r8, r53, 2000
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 2100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2800
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 2900
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00002bc
    SADDI r8, r53, 2200
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 2300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3000
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 3100
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000320
    SADDI r8, r53, 3200
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 3300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4000
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4100
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000384
    SADDI r8, r53, 3400
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 3500
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4200
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4300
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00003e8
    SADDI r8, r53, 3600
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 3700
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4500
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000044c
    SADDI r8, r53, 3800
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 3900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 4700
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00004b0
    SADDI r8, r53, 4800
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 4900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5700
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000514
    SADDI r8, r53, 5000
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 5100
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5800
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 5900
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000578
    SADDI r8, r53, 5200
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 5300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6000
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6100
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00005dc
    SADDI r8, r53, 5400
    SLI r17, 100
    VMOVE r6, r8, r17
    SADDI r8, r53, 5500
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6200
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 6300
    VMAX r6, r6, r8, r29
    SLI r17, 400
    SMUL r17, r51, r17
    SLI r18, 100
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000000
    SLI r20, 4
    SLI r21, 400
    SLI r22, 400
    MSTORE r5, r28, r20, r21, r22
    SADDI r26, r26, 1
    CB r54, tile_51
    SADDI r46, r46, 100
    SADDI r47, r47, 100
    SADDI r43, r43, 1
    SLI r17, 1
    SLT r19, r43, r17
    CB r19, loop_48

; ---- layer 4: fc1 (linear)
layer4:
    ; tile: 1x1 output pixels, 125 outputs x 800 inputs per block; 1 group(s) x 4 output tiles x 1 input tiles x 1x1 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0xd9d80
    SLI r28, 0xa00002ee
    SLI r29, 2
    VLOAD r28, r23, r29
    SLI r27, 0x4000
    SLI r50, 0x20060000
    SLI r3, 0x90000000
    SLI r44, 0x16480
    SLI r45, 0xd9980
    ; image 0
    SLI r48, 0x8fc0
    SLI r49, 0x9600
    SLI r41, 0
loop_57:
    SADDI r47, r49, 0
    SLI r42, 0
loop_58:
    SLI r28, 0xa00002f0
    SLI r29, 250
    VLOAD r28, r45, r29
    SADDI r45, r45, 250
    SADDI r46, r48, 0
    SLI r43, 0
loop_59:
    SSUB r3, r50, r3
    SLI r29, 0x30d40
    VLOAD r3, r44, r29
    SADDI r44, r44, 200000
    SLI r4, 0xa0000000
    SLI r9, 125
    SLI r10, 800
    SLI r11, 1
    SLI r12, 1600
    SLI r31, 0xa00002ee
    SLI r32, 0xa00002f0
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_60_clamp
    JUMP ok_60
ok_60_clamp:
    SADDI r24, r18, 0
ok_60:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_61_clamp
    JUMP ok_61
ok_61_clamp:
    SADDI r25, r18, 0
ok_61:
    SLI r17, 1600
    SMUL r17, r24, r17
    SLI r18, 1600
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 1
    SLI r21, 1600
    SLI r22, 1600
    MLOAD r2, r1, r20, r21, r22
tile_62:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_63
    SLI r14, 0
    SADDI r13, r13, 1
adv_63:
    SLI r17, 1
    SLT r54, r13, r17
    CB r54, prefetch_64
    JUMP go_65
prefetch_64:
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_66_clamp
    JUMP ok_66
ok_66_clamp:
    SADDI r24, r18, 0
ok_66:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_67_clamp
    JUMP ok_67
ok_67_clamp:
    SADDI r25, r18, 0
ok_67:
    SSUB r2, r27, r2
    SLI r17, 1600
    SMUL r17, r24, r17
    SLI r18, 1600
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 1
    SLI r21, 1600
    SLI r22, 1600
    MLOAD r2, r1, r20, r21, r22
go_65:
    SLI r17, 1
    OP r4, r31, r32, r17, r9 acc=0
ready_69:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r29, 125
    SLI r23, 0xa00001f4
    VACT r23, r4, r29, r30 shift=12 func=relu
    SLI r17, 1000
    SMUL r17, r51, r17
    SLI r18, 1000
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa00001f4
    SLI r20, 1
    SLI r21, 250
    SLI r22, 1000
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
stored_71:
    SADDI r26, r26, 1
    CB r54, tile_62
    SADDI r46, r46, 1600
    SADDI r43, r43, 1
    SLI r17, 1
    SLT r19, r43, r17
    CB r19, loop_59
    SADDI r47, r47, 250
    SADDI r42, r42, 1
    SLI r17, 4
    SLT r19, r42, r17
    CB r19, loop_58
    SADDI r48, r48, 1600
    SADDI r49, r49, 1000
    SADDI r41, r41, 1
    SLI r17, 1
    SLT r19, r41, r17
    CB r19, loop_57
    SLI r45, 0xd9980
    SLI r44, 0x16480

; ---- layer 5: fc2 (linear)
layer5:
    ; tile: 1x1 output pixels, 10 outputs x 500 inputs per block; 1 group(s) x 1 output tiles x 1 input tiles x 1x1 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0xdc540
    SLI r28, 0xa000003c
    SLI r29, 2
    VLOAD r28, r23, r29
    SLI r27, 0x4000
    SLI r50, 0x20060000
    SLI r3, 0x90000000
    SLI r44, 0xd9dc0
    SLI r45, 0xdc500
    ; image 0
    SLI r48, 0x9600
    SLI r49, 0x9a00
    SLI r41, 0
loop_72:
    SADDI r47, r49, 0
    SLI r42, 0
loop_73:
    SLI r28, 0xa000003e
    SLI r29, 20
    VLOAD r28, r45, r29
    SADDI r45, r45, 20
    SADDI r46, r48, 0
    SLI r43, 0
loop_74:
    SSUB r3, r50, r3
    SLI r29, 0x2710
    VLOAD r3, r44, r29
    SADDI r44, r44, 10000
    SLI r4, 0xa0000000
    SLI r9, 10
    SLI r10, 500
    SLI r11, 1
    SLI r12, 1000
    SLI r31, 0xa000003c
    SLI r32, 0xa000003e
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_75_clamp
    JUMP ok_75
ok_75_clamp:
    SADDI r24, r18, 0
ok_75:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_76_clamp
    JUMP ok_76
ok_76_clamp:
    SADDI r25, r18, 0
ok_76:
    SLI r17, 1000
    SMUL r17, r24, r17
    SLI r18, 1000
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 1
    SLI r21, 1000
    SLI r22, 1000
    MLOAD r2, r1, r20, r21, r22
tile_77:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_78
    SLI r14, 0
    SADDI r13, r13, 1
adv_78:
    SLI r17, 1
    SLT r54, r13, r17
    CB r54, prefetch_79
    JUMP go_80
prefetch_79:
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_81_clamp
    JUMP ok_81
ok_81_clamp:
    SADDI r24, r18, 0
ok_81:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_82_clamp
    JUMP ok_82
ok_82_clamp:
    SADDI r25, r18, 0
ok_82:
    SSUB r2, r27, r2
    SLI r17, 1000
    SMUL r17, r24, r17
    SLI r18, 1000
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 1
    SLI r21, 1000
    SLI r22, 1000
    MLOAD r2, r1, r20, r21, r22
go_80:
    SLI r17, 1
    OP r4, r31, r32, r17, r9 acc=0
ready_84:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r29, 10
    SLI r23, 0xa0000028
    VACT r23, r4, r29, r30 shift=12 func=none
    SLI r17, 20
    SMUL r17, r51, r17
    SLI r18, 20
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000028
    SLI r20, 1
    SLI r21, 20
    SLI r22, 20
    MSTORE r5, r28, r20, r21, r22
stored_86:
    SADDI r26, r26, 1
    CB r54, tile_77
    SADDI r46, r46, 1000
    SADDI r43, r43, 1
    SLI r17, 1
    SLT r19, r43, r17
    CB r19, loop_74
    SADDI r47, r47, 20
    SADDI r42, r42, 1
    SLI r17, 1
    SLT r19, r42, r17
    CB r19, loop_73
    SADDI r48, r48, 1000
    SADDI r49, r49, 20
    SADDI r41, r41, 1
    SLI r17, 1
    SLT r19, r41, r17
    CB r19, loop_72
    SLI r45, 0xdc500
    SLI r44, 0xd9dc0

    HALT
