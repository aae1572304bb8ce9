#!/usr/bin/python3
"""Independent reference for ModalityKD's resampler and Gaussian filter (scipy.ndimage).

Usage::

    resample_reference.py linear  SOURCE GRID OUT
    resample_reference.py nearest SOURCE GRID OUT
    resample_reference.py gauss   SOURCE OUT SIGMA_I SIGMA_J SIGMA_K

linear / nearest: SOURCE resampled onto the grid (shape and affine) of GRID through
world coordinates: target voxel v samples SOURCE at inv(A_source) @ A_grid @ v with
scipy.ndimage.map_coordinates (order 1 or 0, mode 'nearest', i.e. edge values
repeated). The contract under test adds one rule scipy does not know: positions more
than half a voxel outside the source's voxel centres take 0.

gauss: scipy.ndimage.gaussian_filter with the given sigmas in voxels, mode 'nearest'
(edge repeated) and truncate 3.

OUT is written as float32 NIfTI with GRID's (or SOURCE's) affine.
"""

import sys

import nibabel as nib
import numpy as np
from scipy import ndimage


def resample(source, grid, order):
    data = np.asarray(source.dataobj, dtype=np.float64)
    m = np.linalg.inv(source.affine) @ grid.affine
    shape = grid.shape[:3]
    ijk = np.indices(shape, dtype=np.float64).reshape(3, -1)
    pos = m[:3, :3] @ ijk + m[:3, 3:4]
    out = ndimage.map_coordinates(data, pos, order=order, mode='nearest')
    n = np.array(data.shape[:3], dtype=np.float64).reshape(3, 1)
    eps = 1e-6
    inside = np.all((pos >= -0.5 - eps) & (pos <= n - 0.5 + eps), axis=0)
    out[~inside] = 0
    return out.reshape(shape)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    mode = argv[0]
    source = nib.load(argv[1])
    if mode in ('linear', 'nearest'):
        grid = nib.load(argv[2])
        out = resample(source, grid, 1 if mode == 'linear' else 0)
        affine = grid.affine
        target = argv[3]
    elif mode == 'gauss':
        sigma = [float(s) for s in argv[3:6]]
        data = np.asarray(source.dataobj, dtype=np.float64)
        out = ndimage.gaussian_filter(data, sigma, mode='nearest', truncate=3.0)
        affine = source.affine
        target = argv[2]
    else:
        print(f'unknown mode {mode}', file=sys.stderr)
        return 2
    nib.save(nib.Nifti1Image(out.astype(np.float32), affine), target)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
