#!/usr/bin/python3
"""PyTorch peer for `modalitykd bench --suite net`: the same 3D U-Net as ModalityKD's
default (4 levels, 16..128 filters, 3x3x3 conv + instance norm (affine) + LeakyReLU(0.01)
twice per level, 2x2x2 max pooling, 2x2x2 transposed convolution up, concatenated skips,
1x1x1 output, softmax), timed the same way: forward passes per patch, one training step
(soft Dice + cross-entropy, Adam), and sliding-window inference over a whole volume
(overlap 0.5, Gaussian weights with sigma = patch / 8, 2 windows per call).

Usage: unet_peer.py --threads N --repeats R --sizes 64,96 --volume X,Y,Z --window W
Prints one JSON object. Debian's python3-torch, CPU.
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvNormAct(nn.Sequential):
    def __init__(self, cin, cout):
        super().__init__(nn.Conv3d(cin, cout, 3, padding=1, bias=False),
                         nn.InstanceNorm3d(cout, eps=1e-5, affine=True),
                         nn.LeakyReLU(0.01))


class UNet(nn.Module):
    def __init__(self, cin=4, classes=4, levels=4, base=16, max_filters=320):
        super().__init__()
        f = [min(base * 2 ** l, max_filters) for l in range(levels)]
        self.enc = nn.ModuleList()
        c = cin
        for l in range(levels):
            self.enc.append(nn.Sequential(ConvNormAct(c, f[l]), ConvNormAct(f[l], f[l])))
            c = f[l]
        self.up = nn.ModuleList([nn.ConvTranspose3d(f[l + 1], f[l], 2, stride=2, bias=False) for l in range(levels - 1)])
        self.dec = nn.ModuleList([nn.Sequential(ConvNormAct(2 * f[l], f[l]), ConvNormAct(f[l], f[l]))
                                  for l in range(levels - 1)])
        self.out = nn.Conv3d(f[0], classes, 1)

    def forward(self, x):
        skips = []
        for l, block in enumerate(self.enc):
            if l > 0:
                x = F.max_pool3d(x, 2)
            x = block(x)
            skips.append(x)
        for l in range(len(self.enc) - 2, -1, -1):
            x = torch.cat([skips[l], self.up[l](x)], dim=1)
            x = self.dec[l](x)
        return self.out(x)


def timed(fn, repeats):
    fn()  # warm-up, as the Java side does
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def starts(size, patch, step):
    if size <= patch:
        return [0]
    n = math.ceil((size - patch) / step) + 1
    return [round(i * (size - patch) / (n - 1)) for i in range(n)]


def gaussian(patch):
    axes = []
    for p in patch:
        c = (p - 1) / 2
        s = p / 8
        axes.append(torch.exp(-((torch.arange(p, dtype=torch.float32) - c) ** 2) / (2 * s * s)))
    w = axes[0][:, None, None] * axes[1][None, :, None] * axes[2][None, None, :]
    return w / w.max()


def sliding_window(net, volume, window, batch=2):
    _, c, d0, h0, w0 = volume.shape
    # Zero padding up to one window, as ModalityKD does for small volumes.
    volume = F.pad(volume, (0, max(0, window - w0), 0, max(0, window - h0), 0, max(0, window - d0)))
    _, c, d, h, w = volume.shape
    patch = (window, window, window)
    weight = gaussian(patch)
    out = torch.zeros((4, d, h, w))
    norm = torch.zeros((d, h, w))
    boxes = [(z, y, x) for z in starts(d, window, window // 2) for y in starts(h, window, window // 2)
             for x in starts(w, window, window // 2)]
    with torch.no_grad():
        for i in range(0, len(boxes), batch):
            chunk = boxes[i:i + batch]
            x = torch.cat([volume[:, :, z:z + window, y:y + window, xx:xx + window] for z, y, xx in chunk])
            p = torch.softmax(net(x), dim=1)
            for k, (z, y, xx) in enumerate(chunk):
                out[:, z:z + window, y:y + window, xx:xx + window] += p[k] * weight
                norm[z:z + window, y:y + window, xx:xx + window] += weight
    return (out / norm)[:, :d0, :h0, :w0]


def main():
    a = argparse.ArgumentParser()
    a.add_argument('--threads', type=int, required=True)
    a.add_argument('--repeats', type=int, default=3)
    a.add_argument('--sizes', default='64,96')
    a.add_argument('--volume', default='240,240,155')
    a.add_argument('--window', type=int, default=96)
    args = a.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    net = UNet().eval()
    result = {'torch': torch.__version__, 'threads': torch.get_num_threads(), 'forward': {}, 'train': {}}
    for s in [int(v) for v in args.sizes.split(',')]:
        x = torch.randn(1, 4, s, s, s)
        with torch.no_grad():
            result['forward'][str(s)] = timed(lambda: torch.softmax(net(x), dim=1), args.repeats)
    train_net = UNet().train()
    opt = torch.optim.Adam(train_net.parameters(), lr=1e-3)
    for s in [int(v) for v in args.sizes.split(',')]:
        x = torch.randn(1, 4, s, s, s)
        y = torch.randint(0, 4, (1, s, s, s))

        def step():
            opt.zero_grad()
            logits = train_net(x)
            p = torch.softmax(logits, dim=1)
            onehot = F.one_hot(y, 4).permute(0, 4, 1, 2, 3).float()
            inter = (p * onehot).sum(dim=(0, 2, 3, 4))
            dice = 1 - ((2 * inter + 1e-5) / (p.sum(dim=(0, 2, 3, 4)) + onehot.sum(dim=(0, 2, 3, 4)) + 1e-5)).mean()
            loss = F.cross_entropy(logits, y) + dice
            loss.backward()
            opt.step()
        result['train'][str(s)] = timed(step, args.repeats)
    vx, vy, vz = [int(v) for v in args.volume.split(',')]
    volume = torch.randn(1, 4, vz, vy, vx)
    t0 = time.perf_counter()
    sliding_window(net, volume, args.window)
    result['sliding_window'] = [time.perf_counter() - t0]
    print(json.dumps(result))


if __name__ == '__main__':
    main()
