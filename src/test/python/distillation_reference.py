#!/usr/bin/env python3
"""Independent numpy reference for the distillation losses (train package tests).

Reads one JSON object on stdin: shape [N, D, H, W], classes C, features K, arrays
zt, zs (logits N*D*H*W*C), ft, fs (features N*D*H*W*K), labels (N*D*H*W ints),
zb, labels_b (second modality), T_hinton, T_pixel, tau. Writes the loss values as JSON.
Written from METHODS.md, not from the Java code.
"""
import json
import sys

import numpy as np


def log_softmax(z):
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))


def kl_per_voxel(zt, zs, T):
    lt, ls = log_softmax(zt / T), log_softmax(zs / T)
    return (np.exp(lt) * (lt - ls)).sum(-1)


def i2fv(f, onehot):
    n, v, k = f.shape
    c = onehot.shape[-1]
    out = np.zeros((n, v, c))
    for s in range(n):
        for cls in range(c):
            mask = onehot[s, :, cls] > 0
            proto = f[s][mask].mean(axis=0) if mask.any() else np.zeros(k)
            for i in range(v):
                a, b = f[s, i], proto
                na, nb = np.linalg.norm(a), np.linalg.norm(b)
                out[s, i, cls] = 0.0 if na == 0 or nb == 0 else a.dot(b) / (na * nb)
    return out


def class_dist(z, onehot, tau):
    c = onehot.shape[-1]
    rows = []
    present = []
    for cls in range(c):
        mask = onehot[:, cls] > 0
        present.append(bool(mask.any()))
        mean = z[mask].mean(axis=0) if mask.any() else np.zeros(c)
        e = np.exp(mean / tau - (mean / tau).max())
        rows.append(e / e.sum())
    return np.array(rows), np.array(present)


def main():
    d = json.load(sys.stdin)
    n, dd, h, w = d["shape"]
    c, k = d["classes"], d["features"]
    v = dd * h * w
    zt = np.array(d["zt"], float).reshape(n, v, c)
    zs = np.array(d["zs"], float).reshape(n, v, c)
    ft = np.array(d["ft"], float).reshape(n, v, k)
    fs = np.array(d["fs"], float).reshape(n, v, k)
    y = np.eye(c)[np.array(d["labels"]).reshape(n, v)]
    out = {}
    T = d["T_hinton"]
    out["hinton"] = kl_per_voxel(zt, zs, T).mean() * T * T
    out["pixel"] = kl_per_voxel(zt, zs, d["T_pixel"]).mean() / c
    out["feature_l2"] = ((ft - fs) ** 2).mean()
    present = np.array([all(y[s, :, cls].sum() > 0 for s in range(n)) for cls in range(c)])
    mt, ms = i2fv(ft, y), i2fv(fs, y)
    cells = n * v * present.sum()
    out["proto"] = float(((mt - ms) ** 2)[:, :, present].sum() / cells) if cells else 0.0
    out["present"] = [int(p) for p in present]
    zb = np.array(d["zb"], float).reshape(-1, c)
    yb = np.eye(c)[np.array(d["labels_b"]).reshape(-1)]
    pa, ka = class_dist(zs.reshape(-1, c), y.reshape(-1, c), d["tau"])
    pb, kb = class_dist(zb, yb, d["tau"])
    both = ka & kb
    sym = [0.5 * ((pa[i] * np.log(pa[i] / pb[i])).sum() + (pb[i] * np.log(pb[i] / pa[i])).sum())
           for i in range(c) if both[i]]
    out["classwise"] = float(np.mean(sym)) if sym else 0.0
    print(json.dumps(out))


main()
