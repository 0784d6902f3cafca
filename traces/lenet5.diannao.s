; lenet5: 6 layers, batch 1; activations Q8.8, HWC in DRAM

; ---- layer 0: conv1 (conv2d)
layer0:
    ; tile: 2x8 output pixels, 20 outputs x 1 inputs per block; 1 group(s) x 1 output tiles x 1 input tiles x 12x3 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0x9e80
    SLI r28, 0xa0000780
    SLI r29, 32
    VLOAD r28, r23, r29
    SLI r27, 1024
    SLI r50, 0x20004000
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
    SLI r28, 0xa00007a0
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
    SLI r12, 24
    SLI r31, 0xa0000780
    SLI r32, 0xa00007a0
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 22
    SLT r19, r18, r24
    CB r19, ok_4_clamp
    JUMP ok_4
ok_4_clamp:
    SADDI r24, r18, 0
ok_4:
    SLI r17, 8
    SMUL r25, r14, r17
    SLI r18, 16
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
    SLI r20, 6
    SLI r21, 24
    SLI r22, 56
    MLOAD r2, r1, r20, r21, r22
tile_6:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 3
    SLT r19, r14, r17
    CB r19, adv_7
    SLI r14, 0
    SADDI r13, r13, 1
adv_7:
    SLI r17, 12
    SLT r54, r13, r17
    CB r54, prefetch_8
    JUMP go_9
prefetch_8:
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 22
    SLT r19, r18, r24
    CB r19, ok_10_clamp
    JUMP ok_10
ok_10_clamp:
    SADDI r24, r18, 0
ok_10:
    SLI r17, 8
    SMUL r25, r14, r17
    SLI r18, 16
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
    SLI r20, 6
    SLI r21, 24
    SLI r22, 56
    MLOAD r2, r1, r20, r21, r22
go_9:
    SLI r17, 16
    OP r4, r31, r32, r17, r9 acc=0
ready_13:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r53, 24
    SADDI r6, r4, 640
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 2
    SADDI r6, r6, 80
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r29, 320
    SLI r23, 0xa0000500
    VACT r23, r4, r29, r30 shift=12 func=none
    SLI r17, 960
    SMUL r17, r51, r17
    SLI r18, 40
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000500
    SLI r20, 8
    SLI r21, 40
    SLI r22, 40
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 960
    SADDI r17, r28, 320
    MSTORE r23, r17, r20, r21, r22
stored_15:
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
    ; maxpool 2x2/2: tile 2x12 pixels x 5 channels
    SLI r27, 1024
    SLI r46, 1600
    SLI r47, 0x6040
    SLI r29, 5
    SLI r43, 0
loop_16:
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 10
    SLT r19, r18, r24
    CB r19, ok_17_clamp
    JUMP ok_17
ok_17_clamp:
    SADDI r24, r18, 0
ok_17:
    SLI r17, 12
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_18_clamp
    JUMP ok_18
ok_18_clamp:
    SADDI r25, r18, 0
ok_18:
    SLI r17, 1920
    SMUL r17, r24, r17
    SLI r18, 80
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 24
    SLI r21, 10
    SLI r22, 40
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 240
    SADDI r28, r1, 960
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 480
    SADDI r28, r1, 1920
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 720
    SADDI r28, r1, 2880
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
    SLI r17, 6
    SLT r54, r13, r17
    CB r54, prefetch_21
    JUMP go_22
prefetch_21:
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 10
    SLT r19, r18, r24
    CB r19, ok_23_clamp
    JUMP ok_23
ok_23_clamp:
    SADDI r24, r18, 0
ok_23:
    SLI r17, 12
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_24_clamp
    JUMP ok_24
ok_24_clamp:
    SADDI r25, r18, 0
ok_24:
    SSUB r2, r27, r2
    SLI r17, 1920
    SMUL r17, r24, r17
    SLI r18, 80
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 24
    SLI r21, 10
    SLI r22, 40
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 240
    SADDI r28, r1, 960
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 480
    SADDI r28, r1, 1920
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 720
    SADDI r28, r1, 2880
    MLOAD r23, r28, r20, r21, r22
go_22:
    SLI r6, 0xa0000000
    SADDI r8, r53, 0
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 10
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 240
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 250
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000000a
    SADDI r8, r53, 20
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 30
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 260
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 270
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000014
    SADDI r8, r53, 40
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 50
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 280
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 290
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000001e
    SADDI r8, r53, 60
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 70
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 300
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 310
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000028
    SADDI r8, r53, 80
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 90
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 320
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 330
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000032
    SADDI r8, r53, 100
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 110
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 340
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 350
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000003c
    SADDI r8, r53, 120
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 130
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 360
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 370
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000046
    SADDI r8, r53, 140
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 150
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 380
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 390
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000050
    SADDI r8, r53, 160
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 170
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 410
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000005a
    SADDI r8, r53, 180
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 190
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 420
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 430
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000064
    SADDI r8, r53, 200
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 210
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 440
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 450
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000006e
    SADDI r8, r53, 220
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 230
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 460
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 470
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000078
    SADDI r8, r53, 480
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 490
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 720
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 730
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000082
    SADDI r8, r53, 500
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 510
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 740
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 750
    VMAX r6, r6, r8, r29
    SLI r6, 0xa000008c
    SADDI r8, r53, 520
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 530
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 760
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 770
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000096
    SADDI r8, r53, 540
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 550
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 780
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 790
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000a0
    SADDI r8, r53, 560
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 570
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 800
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 810
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000aa
    SADDI r8, r53, 580
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 590
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 820
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 830
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000b4
    SADDI r8, r53, 600
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 610
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 840
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 850
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000be
    SADDI r8, r53, 620
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 630
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 860
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 870
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000c8
    SADDI r8, r53, 640
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 650
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 880
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 890
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000d2
    SADDI r8, r53, 660
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 670
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 900
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 910
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000dc
    SADDI r8, r53, 680
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 690
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 920
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 930
    VMAX r6, r6, r8, r29
    SLI r6, 0xa00000e6
    SADDI r8, r53, 700
    SLI r17, 10
    VMOVE r6, r8, r17
    SADDI r8, r53, 710
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 940
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 950
    VMAX r6, r6, r8, r29
    SLI r17, 480
    SMUL r17, r51, r17
    SLI r18, 40
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000000
    SLI r20, 12
    SLI r21, 10
    SLI r22, 40
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 480
    SADDI r17, r28, 120
    MSTORE r23, r17, r20, r21, r22
    SADDI r26, r26, 1
    CB r54, tile_19
    SADDI r46, r46, 10
    SADDI r47, r47, 10
    SADDI r43, r43, 1
    SLI r17, 4
    SLT r19, r43, r17
    CB r19, loop_16

; ---- layer 2: conv2 (conv2d)
layer2:
    ; tile: 2x4 output pixels, 25 outputs x 10 inputs per block; 1 group(s) x 2 output tiles x 2 input tiles x 4x2 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0x162c0
    SLI r28, 0xa00004b0
    SLI r29, 16
    VLOAD r28, r23, r29
    SLI r27, 1024
    SLI r50, 0x20004000
    SLI r3, 0x90000000
    SLI r44, 0x9ec0
    SLI r45, 0x16240
    ; image 0
    SLI r48, 0x6040
    SLI r49, 0x76c0
    SLI r41, 0
loop_25:
    SADDI r47, r49, 0
    SLI r42, 0
loop_26:
    SLI r28, 0xa00004c0
    SLI r29, 50
    VLOAD r28, r45, r29
    SADDI r45, r45, 50
    SADDI r46, r48, 0
    SLI r43, 0
loop_27:
    SSUB r3, r50, r3
    SLI r29, 0x30d4
    VLOAD r3, r44, r29
    SADDI r44, r44, 12500
    SLI r4, 0xa0000000
    SLI r9, 25
    SLI r10, 250
    SLI r11, 5
    SLI r12, 160
    SLI r31, 0xa00004b0
    SLI r32, 0xa00004c0
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 6
    SLT r19, r18, r24
    CB r19, ok_28_clamp
    JUMP ok_28
ok_28_clamp:
    SADDI r24, r18, 0
ok_28:
    SLI r17, 4
    SMUL r25, r14, r17
    SLI r18, 4
    SLT r19, r18, r25
    CB r19, ok_29_clamp
    JUMP ok_29
ok_29_clamp:
    SADDI r25, r18, 0
ok_29:
    SLI r17, 480
    SMUL r17, r24, r17
    SLI r18, 40
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 8
    SLI r21, 20
    SLI r22, 40
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 160
    SADDI r28, r1, 480
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 320
    SADDI r28, r1, 960
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 480
    SADDI r28, r1, 1440
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 640
    SADDI r28, r1, 1920
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 800
    SADDI r28, r1, 2400
    MLOAD r23, r28, r20, r21, r22
tile_30:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 2
    SLT r19, r14, r17
    CB r19, adv_31
    SLI r14, 0
    SADDI r13, r13, 1
adv_31:
    SLI r17, 4
    SLT r54, r13, r17
    CB r54, prefetch_32
    JUMP go_33
prefetch_32:
    SLI r17, 2
    SMUL r24, r13, r17
    SLI r18, 6
    SLT r19, r18, r24
    CB r19, ok_34_clamp
    JUMP ok_34
ok_34_clamp:
    SADDI r24, r18, 0
ok_34:
    SLI r17, 4
    SMUL r25, r14, r17
    SLI r18, 4
    SLT r19, r18, r25
    CB r19, ok_35_clamp
    JUMP ok_35
ok_35_clamp:
    SADDI r25, r18, 0
ok_35:
    SSUB r2, r27, r2
    SLI r17, 480
    SMUL r17, r24, r17
    SLI r18, 40
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 8
    SLI r21, 20
    SLI r22, 40
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 160
    SADDI r28, r1, 480
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 320
    SADDI r28, r1, 960
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 480
    SADDI r28, r1, 1440
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 640
    SADDI r28, r1, 1920
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 800
    SADDI r28, r1, 2400
    MLOAD r23, r28, r20, r21, r22
go_33:
    CB r43, init_36_reload
    SLI r17, 8
    OP r4, r31, r32, r17, r9 acc=0
    JUMP ready_37
init_36_reload:
    SLI r17, 800
    SMUL r23, r26, r17
    SLI r18, 0x16300
    SADD r23, r23, r18
    VLOAD r4, r23, r17
ready_37:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 20
    SADDI r6, r6, 100
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 20
    SADDI r6, r6, 100
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 20
    SADDI r6, r6, 100
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r53, 160
    SADDI r6, r4, 400
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 20
    SADDI r6, r6, 100
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 20
    SADDI r6, r6, 100
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SADDI r8, r8, 20
    SADDI r6, r6, 100
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r17, 1
    SLT r19, r43, r17
    CB r19, finish_38_spill
    SLI r29, 200
    SLI r23, 0xa0000320
    VACT r23, r4, r29, r30 shift=12 func=none
    SLI r17, 800
    SMUL r17, r51, r17
    SLI r18, 100
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000320
    SLI r20, 4
    SLI r21, 50
    SLI r22, 100
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    SADDI r23, r5, 800
    SADDI r17, r28, 200
    MSTORE r23, r17, r20, r21, r22
    JUMP stored_39
finish_38_spill:
    SLI r17, 800
    SMUL r23, r26, r17
    SLI r18, 0x16300
    SADD r23, r23, r18
    VSTORE r23, r4, r17
stored_39:
    SADDI r26, r26, 1
    CB r54, tile_30
    SADDI r46, r46, 20
    SADDI r43, r43, 1
    SLI r17, 2
    SLT r19, r43, r17
    CB r19, loop_27
    SADDI r47, r47, 50
    SADDI r42, r42, 1
    SLI r17, 2
    SLT r19, r42, r17
    CB r19, loop_26
    SADDI r48, r48, 40
    SADDI r49, r49, 100
    SADDI r41, r41, 1
    SLI r17, 1
    SLT r19, r41, r17
    CB r19, loop_25
    SLI r45, 0x16240
    SLI r44, 0x9ec0

; ---- layer 3: pool2 (maxpool)
layer3:
    ; maxpool 2x2/2: tile 1x4 pixels x 25 channels
    SLI r27, 1024
    SLI r46, 0x76c0
    SLI r47, 0x8fc0
    SLI r29, 25
    SLI r43, 0
loop_40:
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 3
    SLT r19, r18, r24
    CB r19, ok_41_clamp
    JUMP ok_41
ok_41_clamp:
    SADDI r24, r18, 0
ok_41:
    SLI r17, 4
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_42_clamp
    JUMP ok_42
ok_42_clamp:
    SADDI r25, r18, 0
ok_42:
    SLI r17, 1600
    SMUL r17, r24, r17
    SLI r18, 200
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 8
    SLI r21, 50
    SLI r22, 100
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 400
    SADDI r28, r1, 800
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
    SLI r17, 4
    SLT r54, r13, r17
    CB r54, prefetch_45
    JUMP go_46
prefetch_45:
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 3
    SLT r19, r18, r24
    CB r19, ok_47_clamp
    JUMP ok_47
ok_47_clamp:
    SADDI r24, r18, 0
ok_47:
    SLI r17, 4
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_48_clamp
    JUMP ok_48
ok_48_clamp:
    SADDI r25, r18, 0
ok_48:
    SSUB r2, r27, r2
    SLI r17, 1600
    SMUL r17, r24, r17
    SLI r18, 200
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 8
    SLI r21, 50
    SLI r22, 100
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
    SADDI r23, r2, 400
    SADDI r28, r1, 800
    MLOAD r23, r28, r20, r21, r22
go_46:
    SLI r6, 0xa0000000
    SADDI r8, r53, 0
    SLI r17, 50
    VMOVE r6, r8, r17
    SADDI r8, r53, 50
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 400
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 450
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000032
    SADDI r8, r53, 100
    SLI r17, 50
    VMOVE r6, r8, r17
    SADDI r8, r53, 150
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 500
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 550
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000064
    SADDI r8, r53, 200
    SLI r17, 50
    VMOVE r6, r8, r17
    SADDI r8, r53, 250
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 600
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 650
    VMAX r6, r6, r8, r29
    SLI r6, 0xa0000096
    SADDI r8, r53, 300
    SLI r17, 50
    VMOVE r6, r8, r17
    SADDI r8, r53, 350
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 700
    VMAX r6, r6, r8, r29
    SADDI r8, r53, 750
    VMAX r6, r6, r8, r29
    SLI r17, 400
    SMUL r17, r51, r17
    SLI r18, 100
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa0000000
    SLI r20, 4
    SLI r21, 50
    SLI r22, 100
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    SADDI r26, r26, 1
    CB r54, tile_43
    SADDI r46, r46, 50
    SADDI r47, r47, 50
    SADDI r43, r43, 1
    SLI r17, 2
    SLT r19, r43, r17
    CB r19, loop_40

; ---- layer 4: fc1 (linear)
layer4:
    ; tile: 1x1 output pixels, 50 outputs x 160 inputs per block; 1 group(s) x 10 output tiles x 5 input tiles x 1x1 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0xdb500
    SLI r28, 0xa000012c
    SLI r29, 2
    VLOAD r28, r23, r29
    SLI r27, 1024
    SLI r50, 0x20004000
    SLI r3, 0x90000000
    SLI r44, 0x17c00
    SLI r45, 0xdb100
    ; image 0
    SLI r48, 0x8fc0
    SLI r49, 0x9600
    SLI r41, 0
loop_49:
    SADDI r47, r49, 0
    SLI r42, 0
loop_50:
    SLI r28, 0xa000012e
    SLI r29, 100
    VLOAD r28, r45, r29
    SADDI r45, r45, 100
    SADDI r46, r48, 0
    SLI r43, 0
loop_51:
    SSUB r3, r50, r3
    SLI r29, 0x3e80
    VLOAD r3, r44, r29
    SADDI r44, r44, 16000
    SLI r4, 0xa0000000
    SLI r9, 50
    SLI r10, 160
    SLI r11, 1
    SLI r12, 320
    SLI r31, 0xa000012c
    SLI r32, 0xa000012e
    SLI r13, 0
    SLI r14, 0
    SLI r26, 0
    SLI r2, 0x80000000
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_52_clamp
    JUMP ok_52
ok_52_clamp:
    SADDI r24, r18, 0
ok_52:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_53_clamp
    JUMP ok_53
ok_53_clamp:
    SADDI r25, r18, 0
ok_53:
    SLI r17, 1600
    SMUL r17, r24, r17
    SLI r18, 1600
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 1
    SLI r21, 320
    SLI r22, 1600
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
tile_54:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_55
    SLI r14, 0
    SADDI r13, r13, 1
adv_55:
    SLI r17, 1
    SLT r54, r13, r17
    CB r54, prefetch_56
    JUMP go_57
prefetch_56:
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_58_clamp
    JUMP ok_58
ok_58_clamp:
    SADDI r24, r18, 0
ok_58:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_59_clamp
    JUMP ok_59
ok_59_clamp:
    SADDI r25, r18, 0
ok_59:
    SSUB r2, r27, r2
    SLI r17, 1600
    SMUL r17, r24, r17
    SLI r18, 1600
    SMUL r18, r25, r18
    SADD r17, r17, r18
    SADD r1, r46, r17
    SLI r20, 1
    SLI r21, 320
    SLI r22, 1600
    SADDI r23, r2, 0
    SADDI r28, r1, 0
    MLOAD r23, r28, r20, r21, r22
go_57:
    CB r43, init_60_reload
    SLI r17, 1
    OP r4, r31, r32, r17, r9 acc=0
    JUMP ready_61
init_60_reload:
    SLI r17, 200
    SMUL r23, r26, r17
    SLI r18, 0xdb540
    SADD r23, r23, r18
    VLOAD r4, r23, r17
ready_61:
    SADDI r8, r53, 0
    SADDI r6, r4, 0
    MMV r6, r3, r8, r9, r10, r11, r12 acc=1
    SLI r17, 4
    SLT r19, r43, r17
    CB r19, finish_62_spill
    SLI r29, 50
    SLI r23, 0xa00000c8
    VACT r23, r4, r29, r30 shift=12 func=relu
    SLI r17, 1000
    SMUL r17, r51, r17
    SLI r18, 1000
    SMUL r18, r52, r18
    SADD r17, r17, r18
    SADD r5, r47, r17
    SLI r28, 0xa00000c8
    SLI r20, 1
    SLI r21, 100
    SLI r22, 1000
    SADDI r23, r5, 0
    SADDI r17, r28, 0
    MSTORE r23, r17, r20, r21, r22
    JUMP stored_63
finish_62_spill:
    SLI r17, 200
    SMUL r23, r26, r17
    SLI r18, 0xdb540
    SADD r23, r23, r18
    VSTORE r23, r4, r17
stored_63:
    SADDI r26, r26, 1
    CB r54, tile_54
    SADDI r46, r46, 320
    SADDI r43, r43, 1
    SLI r17, 5
    SLT r19, r43, r17
    CB r19, loop_51
    SADDI r47, r47, 100
    SADDI r42, r42, 1
    SLI r17, 10
    SLT r19, r42, r17
    CB r19, loop_50
    SADDI r48, r48, 1600
    SADDI r49, r49, 1000
    SADDI r41, r41, 1
    SLI r17, 1
    SLT r19, r41, r17
    CB r19, loop_49
    SLI r45, 0xdb100
    SLI r44, 0x17c00

; ---- layer 5: fc2 (linear)
layer5:
    ; tile: 1x1 output pixels, 10 outputs x 500 inputs per block; 1 group(s) x 1 output tiles x 1 input tiles x 1x1 spatial tiles; weights Q.12
    SLI r30, 1
    SLI r23, 0xdddc0
    SLI r28, 0xa000003c
    SLI r29, 2
    VLOAD r28, r23, r29
    SLI r27, 1024
    SLI r50, 0x20004000
    SLI r3, 0x90000000
    SLI r44, 0xdb640
    SLI r45, 0xddd80
    ; image 0
    SLI r48, 0x9600
    SLI r49, 0x9a00
    SLI r41, 0
loop_64:
    SADDI r47, r49, 0
    SLI r42, 0
loop_65:
    SLI r28, 0xa000003e
    SLI r29, 20
    VLOAD r28, r45, r29
    SADDI r45, r45, 20
    SADDI r46, r48, 0
    SLI r43, 0
loop_66:
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
    CB r19, ok_67_clamp
    JUMP ok_67
ok_67_clamp:
    SADDI r24, r18, 0
ok_67:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_68_clamp
    JUMP ok_68
ok_68_clamp:
    SADDI r25, r18, 0
ok_68:
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
tile_69:
    SADDI r51, r24, 0
    SADDI r52, r25, 0
    SADDI r53, r2, 0
    SADDI r14, r14, 1
    SLI r17, 1
    SLT r19, r14, r17
    CB r19, adv_70
    SLI r14, 0
    SADDI r13, r13, 1
adv_70:
    SLI r17, 1
    SLT r54, r13, r17
    CB r54, prefetch_71
    JUMP go_72
prefetch_71:
    SLI r17, 1
    SMUL r24, r13, r17
    SLI r18, 0
    SLT r19, r18, r24
    CB r19, ok_73_clamp
    JUMP ok_73
ok_73_clamp:
    SADDI r24, r18, 0
ok_73:
    SLI r17, 1
    SMUL r25, r14, r17
    SLI r18, 0
    SLT r19, r18, r25
    CB r19, ok_74_clamp
    JUMP ok_74
ok_74_clamp:
    SADDI r25, r18, 0
ok_74:
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
go_72:
    SLI r17, 1
    OP r4, r31, r32, r17, r9 acc=0
ready_76:
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
stored_78:
    SADDI r26, r26, 1
    CB r54, tile_69
    SADDI r46, r46, 1000
    SADDI r43, r43, 1
    SLI r17, 1
    SLT r19, r43, r17
    CB r19, loop_66
    SADDI r47, r47, 20
    SADDI r42, r42, 1
    SLI r17, 1
    SLT r19, r42, r17
    CB r19, loop_65
    SADDI r48, r48, 1000
    SADDI r49, r49, 20
    SADDI r41, r41, 1
    SLI r17, 1
    SLT r19, r41, r17
    CB r19, loop_64
    SLI r45, 0xddd80
    SLI r44, 0xdb640

    HALT
