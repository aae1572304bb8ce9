#!/usr/bin/python3
"""PyTorch peer for `modalitykd bench --suite net`: the same 3D U-Net as ModalityKD's
default (4 levels, 16..128 filters, 3x3x3 conv + instance norm (affine) + LeakyReLU(0.01)
twice per level, 2x2x2 max pooling, 2x2x2 transposed convolution up, concatenated skips,
1x1x1 output, softmax), timed the same way: forward passes per patch, one training step
(soft Dice + cross-entropy, Adam), and sliding-window inference over a whole volume
(overlap 0.5, Gaussian weights with sigma = patch / 8, 2 windows per call).

Usage: unet_peer.py --threads N --repeats R --sizes 64,96 --volume X,Y,Z --window W
Prints one JSON object. Debian's python3-torch, CPU.

`--task peak|forward|window|train` runs one group of `modalitykd bench --suite perf` (the
bench starts one process per group, right after its own measurement of the same group, so
that both see the same load): the machine's matmul and conv3d peak, forward passes per
patch size, whole-case segmentation of the bench's synthetic case (crop to the non-zero
box, z-score, windows on ModalityKD's aligned grid, optional 8-fold mirroring, argmax), or
one training step per method. Each reports the peak resident memory (VmHWM, reset through
/proc/self/clear_refs before the measured part) and the resident memory before it.
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

    def features(self, x):
        """The bottleneck and the last decoder level's features, before the output head."""
        skips = []
        for l, block in enumerate(self.enc):
            if l > 0:
                x = F.max_pool3d(x, 2)
            x = block(x)
            skips.append(x)
        bottleneck = x
        for l in range(len(self.enc) - 2, -1, -1):
            x = torch.cat([skips[l], self.up[l](x)], dim=1)
            x = self.dec[l](x)
        return bottleneck, x

    def forward(self, x):
        return self.out(self.features(x)[1])


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


def rss_kib(field):
    try:
        with open('/proc/self/status') as f:
            for line in f:
                if line.startswith(field + ':'):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def reset_peak():
    try:
        with open('/proc/self/clear_refs', 'w') as f:
            f.write('5')
    except OSError:
        pass


def aligned_starts(size, patch, overlap=0.5, alignment=8):
    """ModalityKD's WindowGrid.starts: evenly spread, aligned to the pooling grid."""
    if size <= patch:
        return [0]
    units = (size - patch + alignment - 1) // alignment
    max_step = int(math.floor(patch * (1 - overlap))) // alignment
    n = (units + max_step - 1) // max_step + 1
    return [alignment * int(math.floor(i * units / (n - 1) + 0.5)) for i in range(n)]


def brain_case(nx, ny, nz, channels=4):
    """The bench's synthetic case: noise inside a centred ellipsoid of a brain's extent, zero outside."""
    k, j, i = torch.meshgrid(torch.arange(nz), torch.arange(ny), torch.arange(nx), indexing='ij')
    ax, ay, az = 0.285 * nx, 0.355 * ny, 0.43 * nz
    inside = (((i - nx / 2) / ax) ** 2 + ((j - ny / 2) / ay) ** 2 + ((k - nz / 2) / az) ** 2) <= 1
    return (torch.rand(1, channels, nz, ny, nx) * 4 - 2 + 3) * inside


def segment(net, volume, window, mirror, batch=2, classes=4):
    """What ModalityKD's Segmenter does, in PyTorch: crop, normalise, tile, blend, argmax."""
    nonzero = (volume[0] != 0).any(dim=0)
    idx = [torch.nonzero(nonzero.sum(dim=d) > 0).flatten() for d in ((1, 2), (0, 2), (0, 1))]
    lo = [int(v[0]) for v in idx]
    hi = [int(v[-1]) + 1 for v in idx]
    box = volume[:, :, lo[0]:hi[0], lo[1]:hi[1], lo[2]:hi[2]]
    norm = torch.empty_like(box)
    for c in range(box.shape[1]):
        v = box[0, c]
        m = v != 0
        mean, std = v[m].mean(), v[m].std(unbiased=False)
        norm[0, c] = torch.where(m, (v - mean) / std, v)
    _, _, d0, h0, w0 = norm.shape
    region = [max(d0, window), max(h0, window), max(w0, window)]
    pad = [(region[a] - s) // 2 for a, s in enumerate((d0, h0, w0))]
    starts = [aligned_starts(r, window) for r in region]
    # The last aligned window may end past the region: it reads zeros there, as in ModalityKD.
    region = [st[-1] + window for st in starts]
    padded = torch.zeros((1, norm.shape[1], *region))
    padded[:, :, pad[0]:pad[0] + d0, pad[1]:pad[1] + h0, pad[2]:pad[2] + w0] = norm
    weight = gaussian((window, window, window))
    out = torch.zeros((classes, *region))
    wsum = torch.zeros(region)
    boxes = [(z, y, x) for z in starts[0] for y in starts[1] for x in starts[2]]
    flips = [[d for d, on in zip((2, 3, 4), (i & 4, i & 2, i & 1)) if on] for i in range(8)] if mirror else [[]]
    with torch.no_grad():
        for b in range(0, len(boxes), batch):
            chunk = boxes[b:b + batch]
            x = torch.cat([padded[:, :, z:z + window, y:y + window, xx:xx + window] for z, y, xx in chunk])
            p = 0
            for f in flips:
                xf = torch.flip(x, f) if f else x
                pf = torch.softmax(net(xf), dim=1)
                p = p + (torch.flip(pf, f) if f else pf)
            p = p / len(flips)
            for k, (z, y, xx) in enumerate(chunk):
                out[:, z:z + window, y:y + window, xx:xx + window] += p[k] * weight
                wsum[z:z + window, y:y + window, xx:xx + window] += weight
    probs = (out / wsum)[:, pad[0]:pad[0] + d0, pad[1]:pad[1] + h0, pad[2]:pad[2] + w0]
    full = torch.zeros((classes, *volume.shape[2:]))
    full[0] = 1
    full[:, lo[0]:hi[0], lo[1]:hi[1], lo[2]:hi[2]] = probs
    return full, torch.argmax(full, dim=0).to(torch.uint8)


def seg_loss(logits, y):
    p = torch.softmax(logits, dim=1)
    onehot = F.one_hot(y, 4).permute(0, 4, 1, 2, 3).float()
    inter = (p * onehot).sum(dim=(0, 2, 3, 4))
    dice = 1 - ((2 * inter + 1e-5) / (p.sum(dim=(0, 2, 3, 4)) + onehot.sum(dim=(0, 2, 3, 4)) + 1e-5)).mean()
    return F.cross_entropy(logits, y) + dice, onehot


class Features(UNet):
    """The U-Net also returning its bottleneck and last decoder features (KD-Net, ProtoKD)."""

    def forward(self, x):
        bottleneck, decoded = self.features(x)
        return self.out(decoded), bottleneck, decoded


def similarity_maps(features, onehot):
    f = F.normalize(features, dim=1, eps=1e-6)
    protos = torch.einsum('nkdhw,ncdhw->nck', features, onehot) / onehot.sum(dim=(2, 3, 4)).clamp(min=1)[..., None]
    return torch.einsum('nkdhw,nck->ncdhw', f, F.normalize(protos, dim=2, eps=1e-6))


def train_step_fn(method, patch, batch):
    """One AdamW step of `method`, as ModalityKD's DistillationTrainer builds it."""
    torch.manual_seed(2)
    student_in = 4 if method == 'teacher' else 1
    student = Features(cin=student_in).train()
    opt = torch.optim.AdamW(student.parameters(), lr=1e-4)
    teacher = Features(cin=4).eval() if method in ('kdnet', 'protokd') else None
    x = torch.randn(batch, 4 if teacher is not None or method == 'teacher' else 1, patch, patch, patch)
    y = torch.randint(0, 4, (batch, patch, patch, patch))
    xb = torch.randn(batch, 1, patch, patch, patch)
    yb = torch.randint(0, 4, (batch, patch, patch, patch))

    def step():
        opt.zero_grad()
        xs = x[:, :1] if teacher is not None else x
        logits, bottleneck, feats = student(xs)
        loss, onehot = seg_loss(logits, y)
        if teacher is not None:
            with torch.no_grad():
                t_logits, t_bottleneck, t_feats = teacher(x)
            kd = F.kl_div(F.log_softmax(logits / 2, dim=1), F.softmax(t_logits / 2, dim=1), reduction='batchmean') * 4
            if method == 'kdnet':
                loss = loss + 10 * kd + 0.1 * F.mse_loss(bottleneck, t_bottleneck)
            else:
                loss = loss + 10 * kd + 0.1 * F.mse_loss(similarity_maps(feats, onehot),
                                                         similarity_maps(t_feats, onehot))
        if method == 'unpaired':
            logits_b, _, _ = student(xb)
            loss_b, _ = seg_loss(logits_b, yb)
            loss = loss + loss_b + 0.5 * F.mse_loss(logits.mean(dim=(2, 3, 4)), logits_b.mean(dim=(2, 3, 4)))
        loss.backward()
        opt.step()
    return step


def run_task(args):
    net = UNet().eval()
    result = {'torch': torch.__version__, 'threads': torch.get_num_threads(), 'task': args.task}
    if args.task == 'peak':
        n = args.matmul
        a, b = torch.randn(n, n), torch.randn(n, n)
        result['matmul'] = timed(lambda: torch.mm(a, b), args.repeats)
        c, s = args.conv_channels, args.conv_size
        x, w = torch.randn(1, c, s, s, s), torch.randn(c, c, 3, 3, 3)
        with torch.no_grad():
            result['conv'] = timed(lambda: F.conv3d(x, w, padding=1), args.repeats)
        return result
    if args.task == 'forward':
        s = int(args.sizes)
        x = torch.randn(1, 4, s, s, s)
        with torch.no_grad():
            net(x)
            result['rss_before_kib'] = rss_kib('VmRSS')
            reset_peak()
            result['seconds'] = timed(lambda: torch.softmax(net(x), dim=1), args.repeats)
        result['peak_rss_kib'] = rss_kib('VmHWM')
        return result
    if args.task == 'window':
        with torch.no_grad():
            net(torch.randn(2, 4, args.window, args.window, args.window))  # as ModalityKD's warm-up: one 2-window call
        result['rss_before_kib'] = rss_kib('VmRSS')
        reset_peak()
        vx, vy, vz = [int(v) for v in args.volume.split(',')]
        volume = brain_case(vx, vy, vz)
        t0 = time.perf_counter()
        probs, labels = segment(net, volume, args.window, args.mirror)
        result['seconds'] = [time.perf_counter() - t0]
        result['peak_rss_kib'] = rss_kib('VmHWM')
        return result
    if args.task == 'train':
        s, b = int(args.sizes), args.batch
        result['rss_before_kib'] = rss_kib('VmRSS')
        by_method = {}
        for method in args.methods.split(','):
            reset_peak()  # each method's own peak; the group's is the highest of them
            result[method] = timed(train_step_fn(method, s, b), args.repeats)
            by_method[method] = rss_kib('VmHWM')
        result['peak_rss_kib_by_method'] = by_method
        result['peak_rss_kib'] = max(by_method.values())
        return result
    raise SystemExit('unknown task ' + args.task)


def main():
    a = argparse.ArgumentParser()
    a.add_argument('--task', choices=['peak', 'forward', 'window', 'train'])
    a.add_argument('--mirror', action='store_true')
    a.add_argument('--batch', type=int, default=2)
    a.add_argument('--methods', default='teacher,baseline,kdnet,protokd,unpaired')
    a.add_argument('--matmul', type=int, default=4096)
    a.add_argument('--conv-size', type=int, default=48)
    a.add_argument('--conv-channels', type=int, default=64)
    a.add_argument('--threads', type=int, required=True)
    a.add_argument('--repeats', type=int, default=3)
    a.add_argument('--sizes', default='64,96')
    a.add_argument('--volume', default='240,240,155')
    a.add_argument('--window', type=int, default=96)
    args = a.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    if args.task:
        print(json.dumps(run_task(args)))
        return
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
