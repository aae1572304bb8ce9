"""Reference for ChannelSignatureTest: deciles and correlations of a case's channels,
z-scored as ModalityKD's card says (each channel over its non-zero voxels), then taken
over the voxels where every channel is non-zero. Usage: channel_signature.py file... ;
prints JSON {"deciles": [[...]], "correlation": [[...]]}."""
import json
import sys

import nibabel as nib
import numpy as np

channels = [np.asarray(nib.load(f).dataobj, dtype=np.float64).ravel() for f in sys.argv[1:]]
z = []
for v in channels:
    nz = (v != 0) & np.isfinite(v)
    out = np.zeros_like(v)
    out[nz] = (v[nz] - v[nz].mean()) / v[nz].std()
    z.append(out)
brain = np.all([(c != 0) for c in z], axis=0)
shared = np.array([c[brain] for c in z])
shared = (shared - shared.mean(axis=1, keepdims=True)) / shared.std(axis=1, keepdims=True)
print(json.dumps({
    "deciles": [np.percentile(c, np.arange(10, 100, 10), method="nearest").tolist() for c in shared],
    "correlation": np.corrcoef(shared).tolist(),
}))
