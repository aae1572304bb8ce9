#!/usr/bin/python3
"""Independent NIfTI reference values computed with nibabel.

ModalityKD has its own Java NIfTI reader/writer; this module describes a file
the way nibabel sees it, so that the Java side can be checked against it.

Usage as a CLI::

    python3 nifti_reference.py FILE [FILE ...]

prints one JSON object per file (pretty-printed when only one file is given,
one compact object per line otherwise).  As a module, ``describe(path)``
returns the same dict.

All header-derived values (shape, spacing, affine, qform, sform, pixdim, ...)
are taken from nibabel's *loaded* header, i.e. AFTER nibabel's load-time
``check_fix`` has run.  That matters for slightly broken files: nibabel turns
pixdim[0] (qfac) values other than +-1 into 1, negative pixdim[1..3] into their
absolute values and zero pixdim[1..3] into 1.  The untouched on-disk values are
reported separately as ``raw_pixdim``, ``raw_scl_slope`` and ``raw_scl_inter``.
"""

import json
import math
import os
import sys

import numpy as np
import nibabel as nib

# Weight cycle of the order-sensitive checksum: value * ((index % 7) + 1).
CHECKSUM_PERIOD = 7
FIRST_VALUES = 8


def _num(x):
    """Plain JSON number, or None for NaN / +-inf (JSON has no NaN)."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def _matrix(m):
    return [[float(v) for v in row] for row in np.asarray(m, dtype=np.float64)]


def _raw_header(img):
    """Header exactly as stored on disk, without nibabel's check_fix repairs.

    Needed because nibabel deliberately does not keep the file's scaling in
    ``img.header``: on load it moves scl_slope/scl_inter into the array proxy
    and sets both header fields to NaN, so ``img.header.get_slope_inter()``
    is always (None, None) for a loaded image.
    """
    # Single-file images only have an 'image' entry; pairs have 'header'.
    holder = img.file_map.get('header') or img.file_map['image']
    with holder.get_prepare_fileobj(mode='rb') as fobj:
        return img.header_class.from_fileobj(fobj, check=False)


def _nifti_version(img):
    if isinstance(img.header, nib.Nifti2Header):  # Nifti2Header subclasses Nifti1Header
        return 2
    if isinstance(img.header, nib.Nifti1Header):
        return 1
    raise ValueError(f'not a NIfTI image: {type(img).__name__}')


def _stats(data):
    """min/max/mean/sum/count/nonfinite/checksum/first_values of float64 data."""
    flat = np.asarray(data, dtype=np.float64).ravel(order='F')  # NIfTI order: i fastest
    count = int(flat.size)
    nan_mask = np.isnan(flat)
    finite_mask = np.isfinite(flat)
    not_nan = flat[~nan_mask]

    if not_nan.size == 0:
        vmin = vmax = vmean = None
        vsum = 0.0  # np.nansum of an all-NaN array is 0
    else:
        vmin = _num(np.min(not_nan))
        vmax = _num(np.max(not_nan))
        if np.all(np.isfinite(not_nan)):
            # math.fsum is exactly rounded, so the value does not depend on
            # summation order; a Java implementation summing in another order
            # will differ only by its own rounding (compare with a relative
            # tolerance, e.g. 1e-12).
            vsum = math.fsum(not_nan.tolist())
        else:  # +-inf present: fsum would raise on inf + -inf
            vsum = float(np.sum(not_nan))
        vmean = _num(vsum / not_nan.size)

    # Order-sensitive checksum: non-finite voxels contribute 0.
    weights = (np.arange(count, dtype=np.int64) % CHECKSUM_PERIOD + 1).astype(np.float64)
    weighted = np.where(finite_mask, flat, 0.0) * weights
    checksum = math.fsum(weighted.tolist())

    return {
        'min': vmin,
        'max': vmax,
        'mean': vmean,
        'sum': _num(vsum),
        'count': count,
        'nonfinite': int(count - np.count_nonzero(finite_mask)),
        'checksum': _num(checksum),
        'first_values': [_num(v) for v in flat[:FIRST_VALUES]],
    }


def describe(path):
    """Return the reference dict for one NIfTI file (.nii, .nii.gz, .hdr, ...)."""
    img = nib.load(os.fspath(path))
    if not isinstance(img.header, nib.Nifti1Header):
        raise ValueError(f'{path}: not a NIfTI-1/2 file ({type(img).__name__})')
    hdr = img.header
    raw = _raw_header(img)

    space_units, time_units = hdr.get_xyzt_units()
    # The loaded header has NaN scaling (see _raw_header); the effective
    # scaling nibabel applies is the raw header's get_slope_inter(), which
    # maps slope 0 / NaN / inf to "no scaling" (None, None).
    slope, inter = raw.get_slope_inter()

    info = {
        'shape': [int(n) for n in img.shape],
        'spacing': [float(z) for z in hdr.get_zooms()],
        'affine': _matrix(img.affine),
        'qform': _matrix(hdr.get_qform()),
        'qform_code': int(hdr['qform_code']),
        'sform': _matrix(hdr.get_sform()),
        'sform_code': int(hdr['sform_code']),
        # dtype.name drops the byte order: dtype('>i2').name == 'int16'
        'datatype': hdr.get_data_dtype().name,
        'endianness': 'little' if raw.endianness == '<' else 'big',
        'nifti_version': _nifti_version(img),
        'xyzt_units': int(hdr['xyzt_units']),
        'space_units': space_units,
        'time_units': time_units,
        'scl_slope': _num(slope),
        'scl_inter': _num(inter),
        'raw_scl_slope': _num(raw['scl_slope']),
        'raw_scl_inter': _num(raw['scl_inter']),
        'pixdim': [float(p) for p in hdr['pixdim']],
        'raw_pixdim': [float(p) for p in raw['pixdim']],
        'vox_offset': int(raw['vox_offset']),
        'extensions': [
            {'code': int(ext.get_code()), 'size_on_disk': int(ext.get_sizeondisk()),
             'content': ext.get_content().decode('utf-8', 'replace').rstrip('\x00')}
            for ext in raw.extensions
        ],
    }
    info.update(_stats(img.get_fdata(dtype=np.float64)))
    return info


def to_json(info, indent=None):
    # allow_nan=False guarantees that no NaN/Infinity literal sneaks into JSON.
    return json.dumps(info, allow_nan=False, sort_keys=True, indent=indent)


def main(argv):
    if not argv:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print('usage: nifti_reference.py FILE [FILE ...]', file=sys.stderr)
        return 2
    if len(argv) == 1:
        print(to_json(describe(argv[0]), indent=2))
    else:
        for path in argv:
            print(to_json(describe(path)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
