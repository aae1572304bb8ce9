#!/usr/bin/python3
"""Generate the small NIfTI fixture set used to verify ModalityKD's Java NIfTI I/O.

Writes every fixture into ../resources/nifti-fixtures/ (relative to this
script) together with expected.json, which maps each data file name (.nii,
.nii.gz, .hdr or .hdr.gz) to nifti_reference.describe() of the file as written
(i.e. loaded back with nibabel).

    /usr/bin/python3 src/test/python/make_nifti_fixtures.py

The output is deterministic: data come from per-fixture seeded generators, and
gzip files are written by this script with mtime=0 and no embedded file name
(nibabel's own gzip writer is not used for the final files).  Each fixture is
reloaded and asserted to really have the property it is named for.
"""

import gzip
import json
import logging
import math
import os
import shutil
import struct
import sys
import tempfile
import zlib

import numpy as np
import nibabel as nib
from nibabel.nifti1 import Nifti1Extension

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import nifti_reference  # noqa: E402  (needs HERE on sys.path)

OUT_DIR = os.path.normpath(os.path.join(HERE, '..', 'resources', 'nifti-fixtures'))
SEED = 20240611
DATA_SUFFIXES = ('.nii', '.nii.gz', '.hdr', '.img', '.hdr.gz', '.img.gz')

SHAPE = (5, 4, 3)  # default small 3D shape (i, j, k)


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def rng_for(name):
    """Independent generator per fixture, so adding a fixture changes no other."""
    return np.random.default_rng([SEED, zlib.crc32(name.encode())])


def deg_rot(axis, degrees):
    """3x3 rotation matrix about 'x', 'y' or 'z'."""
    t = math.radians(degrees)
    c, s = math.cos(t), math.sin(t)
    if axis == 'x':
        return np.array([[1, 0, 0], [0, c, -s], [0, s, c]])
    if axis == 'y':
        return np.array([[c, 0, s], [0, 1, 0], [-s, 0, c]])
    return np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])


def affine(matrix3, offset):
    a = np.eye(4)
    a[:3, :3] = matrix3
    a[:3, 3] = offset
    return a


def diag_affine(zooms, offset=(0.0, 0.0, 0.0), signs=(1, 1, 1)):
    return affine(np.diag(np.multiply(zooms, signs)), offset)


def set_fortran(arr, positions, values):
    """Copy of arr with values placed at NIfTI-order (i fastest) linear positions."""
    out = arr.copy()
    out[np.unravel_index(list(positions), arr.shape, order='F')] = values
    return out


def full_range_ints(name, dtype, shape=SHAPE):
    """Random integers over the whole range of `dtype` (or a given range),
    with the extremes, 0, 1 (and -1) planted at fixed positions."""
    info = np.iinfo(dtype)
    lo, hi = info.min, info.max
    if np.dtype(dtype) == np.int64:
        # float64 (get_fdata) is exact only up to 2**53; stay well beyond 2**40.
        lo, hi = -(2**52), 2**52
    arr = rng_for(name).integers(lo, hi, size=shape, dtype=dtype, endpoint=True)
    planted = [lo, hi, 0, 1] + ([-1] if lo < 0 else [])
    if np.dtype(dtype) == np.uint32:
        planted += [2**31, 2**31 + 12345]
    if np.dtype(dtype) == np.uint16:
        planted += [2**15, 40000]
    if np.dtype(dtype) == np.int64:
        planted += [2**40 + 7, -(2**41) - 3]
    return set_fortran(arr, (0, 3, 7, 11, 13, 17, 19)[:len(planted)], planted)


def floats(name, dtype, shape=SHAPE, scale=1000.0):
    arr = (rng_for(name).standard_normal(shape) * scale).astype(dtype)
    return set_fortran(arr, [0, 1, 2, 3], [0.0, -1.5, 1e-7, 123456.75])


def new_image(data, klass=nib.Nifti1Image, endian='<', zooms=None,
              qform=None, qcode=0, sform=None, scode=0,
              units=('mm', 'sec'), slope=1.0, inter=0.0):
    """Build an image whose header fields are all set explicitly.

    The image is created with affine=None so that nibabel does not derive
    sform/qform from an affine on save (with an affine and header it would
    overwrite them via _affine2header whenever they differ).  Forms with code
    0 may still carry parameters: nibabel ignores them, the Java reader must
    too.
    """
    hdr = klass.header_class(endianness=endian)
    hdr.set_data_shape(data.shape)
    hdr.set_data_dtype(data.dtype)
    if zooms is not None:
        hdr.set_zooms(zooms)
    if qform is not None:
        # set_qform also writes pixdim[1:4] (from the affine column norms)
        # and pixdim[0] = qfac (-1 when det < 0).
        hdr.set_qform(qform, code=qcode)
    if sform is not None:
        hdr.set_sform(sform, code=scode)
    hdr['qform_code'] = qcode
    hdr['sform_code'] = scode
    hdr.set_xyzt_units(*units)
    img = klass(data, None, header=hdr)
    # The image constructor resets scaling to (nan, nan), which on save means
    # "compute scaling automatically".  Setting the raw fields afterwards (not
    # via set_slope_inter, which refuses 0 and lone NaNs) makes nibabel write
    # the raw array and these exact values.
    img.header['scl_slope'] = slope
    img.header['scl_inter'] = inter
    return img


def plain(data, **kw):
    """Default geometry: qform and sform both set to the same diagonal affine."""
    aff = diag_affine((1.0, 1.0, 1.0), (-2.0, -1.5, -1.0))
    kw.setdefault('qform', aff)
    kw.setdefault('qcode', 1)
    kw.setdefault('sform', aff)
    kw.setdefault('scode', 1)
    return new_image(data, **kw)


def patch_header(field, index, value):
    """Return a patch function that overwrites header[field][index] in the
    header bytes (as nibabel cannot write these deliberately broken values)."""
    def patch(hdr_bytes, endian, version):
        hdr_dtype = (nib.nifti1 if version == 1 else nib.nifti2).header_dtype
        ftype, offset = hdr_dtype.fields[field]
        base = ftype.base.newbyteorder(endian)
        offset += index * base.itemsize
        out = bytearray(hdr_bytes)
        out[offset:offset + base.itemsize] = np.array(value, dtype=base).tobytes()
        return bytes(out)
    return patch


# --------------------------------------------------------------------------
# fixtures: name -> (description, build, checks, patch)
# --------------------------------------------------------------------------

FIXTURES = []


def fixture(name, description, build, checks=(), patch=None):
    FIXTURES.append((name, description, build, list(checks), patch))


def eq(key, value):
    def check(info):
        assert info[key] == value, f'{key}: {info[key]!r} != {value!r}'
    check.__name__ = f'{key}=={value!r}'
    return check


def affine_close(key, expected, atol=1e-5):
    def check(info):
        got = np.array(info[key])
        assert np.allclose(got, expected, atol=atol), f'{key}:\n{got}\n!=\n{expected}'
    return check


def holds(description, predicate):
    def check(info):
        assert predicate(info), description
    return check


# --- every datatype (little endian, plain geometry) -----------------------
for _dt in ('uint8', 'int8', 'int16', 'uint16', 'int32', 'uint32', 'int64'):
    _name = f'dtype_{_dt}.nii'
    _arr = full_range_ints(_name, np.dtype(_dt))
    _lo, _hi = (-(2**52), 2**52) if _dt == 'int64' else (np.iinfo(_dt).min, np.iinfo(_dt).max)
    fixture(_name, f'{_dt}, values spanning [{_lo}, {_hi}] incl. both extremes, little endian',
            (lambda a=_arr: plain(a)),
            [eq('datatype', _dt), eq('endianness', 'little'),
             eq('min', float(_lo)), eq('max', float(_hi))])

for _dt in ('float32', 'float64'):
    _name = f'dtype_{_dt}.nii'
    _arr = floats(_name, _dt)
    fixture(_name, f'{_dt}, normal(0, 1000) values, little endian',
            (lambda a=_arr: plain(a)),
            [eq('datatype', _dt), eq('endianness', 'little')])

# --- big endian ------------------------------------------------------------
for _dt in ('int16', 'uint16', 'int32', 'float32', 'float64'):
    _name = f'bigendian_{_dt}.nii'
    if _dt.startswith('float'):
        _arr = floats(_name, _dt)
    else:
        _arr = full_range_ints(_name, np.dtype(_dt))
    fixture(_name, f'{_dt}, big-endian header and data',
            (lambda a=_arr: plain(a, endian='>')),
            [eq('datatype', _dt), eq('endianness', 'big')])

_arr = full_range_ints('bigendian_int16_scaled.nii.gz', np.int16)
fixture('bigendian_int16_scaled.nii.gz',
        'big-endian int16, gzipped, scl_slope 0.25 / scl_inter 100',
        lambda a=_arr: plain(a, endian='>', slope=0.25, inter=100.0),
        [eq('endianness', 'big'), eq('scl_slope', 0.25), eq('scl_inter', 100.0)])

# --- file flavours: identical content in all four containers ---------------
_FLAVOUR_DATA = full_range_ints('flavour', np.int16, shape=(7, 6, 5))
_FLAVOUR_AFF = diag_affine((0.8, 0.8, 2.0), (-10.0, 12.0, 3.0), signs=(-1, 1, 1))


def _flavour(klass):
    return new_image(_FLAVOUR_DATA, klass=klass, qform=_FLAVOUR_AFF, qcode=1,
                     sform=_FLAVOUR_AFF, scode=1)


fixture('flavour_single.nii', 'NIfTI-1 single file; same voxels+header as the other flavour_*',
        lambda: _flavour(nib.Nifti1Image), [eq('vox_offset', 352)])
fixture('flavour_single_gz.nii.gz', 'NIfTI-1 single file, gzip',
        lambda: _flavour(nib.Nifti1Image), [eq('vox_offset', 352)])
fixture('flavour_pair.hdr', 'NIfTI-1 pair flavour_pair.hdr + .img (magic ni1, vox_offset 0)',
        lambda: _flavour(nib.Nifti1Pair), [eq('vox_offset', 0)])
fixture('flavour_pair_gz.hdr.gz', 'NIfTI-1 pair, both files gzipped (.hdr.gz + .img.gz)',
        lambda: _flavour(nib.Nifti1Pair), [eq('vox_offset', 0)])

# --- NIfTI-2 -------------------------------------------------------------------
_N2_DATA = floats('nifti2', np.float64, shape=(7, 6, 5))
_N2_AFF = affine(deg_rot('y', 15) @ np.diag([1.2, 1.0, 2.5]), (30.0, -40.0, 5.5))

fixture('nifti2_single.nii', 'NIfTI-2 single file (540-byte header), float64, rotated sform+qform',
        lambda: new_image(_N2_DATA, klass=nib.Nifti2Image, qform=_N2_AFF, qcode=1,
                          sform=_N2_AFF, scode=2),
        [eq('nifti_version', 2), eq('vox_offset', 544)])
fixture('nifti2_pair.hdr', 'NIfTI-2 pair .hdr + .img (magic ni2)',
        lambda: new_image(_N2_DATA, klass=nib.Nifti2Pair, qform=_N2_AFF, qcode=1,
                          sform=_N2_AFF, scode=2),
        [eq('nifti_version', 2), eq('vox_offset', 0)])
fixture('nifti2_bigendian_int32.nii.gz', 'NIfTI-2 single file, big endian, int32, gzip',
        lambda a=full_range_ints('nifti2_be', np.int32): plain(a, klass=nib.Nifti2Image, endian='>'),
        [eq('nifti_version', 2), eq('endianness', 'big')])

# --- scaling -------------------------------------------------------------------
_SC = full_range_ints('scale', np.int16)
fixture('scale_slope0.5_inter-10.nii', 'int16 raw values, scl_slope 0.5, scl_inter -10 -> value = raw*0.5-10',
        lambda: plain(_SC, slope=0.5, inter=-10.0),
        [eq('scl_slope', 0.5), eq('scl_inter', -10.0),
         eq('min', -32768 * 0.5 - 10), eq('max', 32767 * 0.5 - 10)])
fixture('scale_slope0.nii', 'int16, scl_slope 0 (means: no scaling; inter 5 ignored)',
        lambda: plain(_SC, slope=0.0, inter=5.0),
        [eq('raw_scl_slope', 0.0), eq('scl_slope', None), eq('min', -32768.0)])
fixture('scale_slope_nan.nii', 'int16, scl_slope NaN (means: no scaling; inter 5 ignored)',
        lambda: plain(_SC, slope=np.nan, inter=5.0),
        [eq('raw_scl_slope', None), eq('raw_scl_inter', 5.0), eq('scl_slope', None),
         eq('min', -32768.0)])
fixture('scale_uint8_slope_inter_float32.nii',
        'uint8 with slope 1/255, inter -0.5 (float32 header fields, not exact decimals)',
        lambda a=full_range_ints('scale_u8', np.uint8): plain(a, slope=1 / 255, inter=-0.5),
        [holds('slope stored as float32', lambda i: i['scl_slope'] == float(np.float32(1 / 255)))])
fixture('scale_float32_slope2.nii', 'float32 data with slope 2, inter 1 (scaling applies to floats too)',
        lambda a=floats('scale_f32', np.float32): plain(a, slope=2.0, inter=1.0),
        [eq('scl_slope', 2.0), eq('scl_inter', 1.0)])

# --- sform / qform selection -----------------------------------------------------
_ZOOMS = (0.9, 1.1, 3.0)
_Q_AFF = affine(deg_rot('z', 10) @ np.diag(_ZOOMS), (-20.0, 30.0, -40.0))
_S_AFF = affine(deg_rot('x', -12) @ np.diag(_ZOOMS), (5.0, -6.0, 7.0))
_FORM_DATA = floats('forms', np.float32)

fixture('form_sform_only.nii', 'sform_code 2, qform_code 0 (qform params present but must be ignored)',
        lambda: new_image(_FORM_DATA, qform=_Q_AFF, qcode=0, sform=_S_AFF, scode=2),
        [eq('qform_code', 0), eq('sform_code', 2), affine_close('affine', _S_AFF)])
fixture('form_qform_only.nii', 'qform_code 1, sform_code 0 (srow params present but must be ignored)',
        lambda: new_image(_FORM_DATA, qform=_Q_AFF, qcode=1, sform=_S_AFF, scode=0),
        [eq('qform_code', 1), eq('sform_code', 0), affine_close('affine', _Q_AFF)])
fixture('form_both_differ.nii', 'qform_code 1 and sform_code 4 with different matrices: sform wins',
        lambda: new_image(_FORM_DATA, qform=_Q_AFF, qcode=1, sform=_S_AFF, scode=4),
        [eq('qform_code', 1), eq('sform_code', 4), affine_close('affine', _S_AFF)])
fixture('form_none.nii', 'both codes 0 (params present): nibabel base affine from pixdim, x flipped, centred',
        lambda: new_image(_FORM_DATA, qform=_Q_AFF, qcode=0, sform=_S_AFF, scode=0),
        [eq('qform_code', 0), eq('sform_code', 0),
         affine_close('affine', diag_affine(_ZOOMS, (0.9 * 2, -1.1 * 1.5, -3.0 * 1), signs=(-1, 1, 1)))])

# --- orientation ------------------------------------------------------------------
# Rotation about two axes, and a flipped third column so det < 0 -> qfac = -1.
_OBL = affine(deg_rot('z', 30) @ deg_rot('x', 20) @ np.diag([0.9, 1.1, -3.0]), (12.5, -7.25, 40.0))
fixture('orient_oblique_qform_qfac-1.nii',
        'oblique qform (rot z30 x20), det<0 so pixdim[0]=qfac=-1, sform_code 0',
        lambda a=floats('oblique', np.float32): new_image(a, qform=_OBL, qcode=1),
        [eq('sform_code', 0), holds('qfac -1', lambda i: i['pixdim'][0] == -1.0),
         affine_close('affine', _OBL)])
_LPS = diag_affine((0.9, 1.1, 3.0), (40.0, 50.0, -20.0), signs=(-1, -1, 1))
fixture('orient_lps_sform.nii', 'LPS sform (i->Left, j->Posterior, k->Superior), qform_code 0',
        lambda a=floats('lps', np.float32): new_image(a, zooms=_ZOOMS, sform=_LPS, scode=1),
        [eq('qform_code', 0), affine_close('affine', _LPS),
         holds('LPS', lambda i: nib.aff2axcodes(np.array(i['affine'])) == ('L', 'P', 'S'))])
_LAS = diag_affine((0.9, 1.1, 3.0), (40.0, -50.0, -20.0), signs=(-1, 1, 1))
fixture('orient_las_sform.nii', 'LAS (radiological) sform, qform_code 0',
        lambda a=floats('las', np.float32): new_image(a, zooms=_ZOOMS, sform=_LAS, scode=1),
        [eq('qform_code', 0), affine_close('affine', _LAS),
         holds('LAS', lambda i: nib.aff2axcodes(np.array(i['affine'])) == ('L', 'A', 'S'))])

# --- spacing and units ---------------------------------------------------------
fixture('spacing_anisotropic_0.9x1.1x3.0.nii', 'anisotropic voxels 0.9 x 1.1 x 3.0 mm (qform and sform)',
        lambda a=floats('aniso', np.float32): plain(a, qform=diag_affine(_ZOOMS), sform=diag_affine(_ZOOMS)),
        [affine_close('spacing', _ZOOMS, atol=1e-6)])
for _unit, _z in (('meter', (0.0009, 0.0011, 0.003)), ('mm', (0.9, 1.1, 3.0)), ('micron', (900.0, 1100.0, 3000.0))):
    fixture(f'units_{_unit}.nii', f'xyzt_units space={_unit} (time=sec), same physical voxel size',
            lambda z=_z, u=_unit: plain(full_range_ints('units', np.int16), units=(u, 'sec'),
                                        qform=diag_affine(z), sform=diag_affine(z)),
            [eq('space_units', _unit), eq('time_units', 'sec')])

# --- dimensionality -------------------------------------------------------------
fixture('image4d_6x5x4x3_float32.nii', '4D float32 6x5x4x3, 4th axis = channels (pixdim[4]=1, time unit unknown)',
        lambda a=floats('4d', np.float32, shape=(6, 5, 4, 3)): plain(a, zooms=(1.0, 1.0, 1.0, 1.0),
                                                                    units=('mm', 'unknown')),
        [eq('shape', [6, 5, 4, 3]), eq('time_units', 'unknown')])
fixture('image2d_7x6_float32.nii', '2D image (dim[0]=2), float32',
        lambda a=floats('2d', np.float32, shape=(7, 6)): plain(a),
        [eq('shape', [7, 6])])
fixture('image_singleton_k_5x4x1_int16.nii', '3D with a trailing singleton axis (dim[0]=3, dim[3]=1)',
        lambda a=full_range_ints('k1', np.int16, shape=(5, 4, 1)): plain(a),
        [eq('shape', [5, 4, 1])])

# --- content ------------------------------------------------------------------------
def _labels():
    return rng_for('labels').choice(np.array([0, 1, 2, 4], dtype=np.uint8), size=(7, 6, 5))


fixture('labels_uint8_0124.nii', 'uint8 label map with values {0,1,2,4}',
        lambda: plain(_labels()),
        [eq('datatype', 'uint8'), eq('min', 0.0), eq('max', 4.0)])


def _with_nan():
    return set_fortran(floats('nan', np.float32), [1, 5, 6, 30, 59], [np.nan] * 5)


fixture('float32_with_nan.nii', 'float32 with 5 NaN voxels (stats ignore NaN, checksum treats it as 0)',
        lambda: plain(_with_nan()),
        [eq('nonfinite', 5), holds('mean finite', lambda i: i['mean'] is not None)])


def _with_extension():
    img = plain(floats('ext', np.float32))
    img.header.extensions.append(Nifti1Extension('comment', b'hello ModalityKD'))
    return img


fixture('extension_comment.nii', 'comment extension (code 6, 16 content bytes + 8, padded to 32): vox_offset 384',
        _with_extension,
        [eq('vox_offset', 384), eq('extensions', [{'code': 6, 'size_on_disk': 32, 'content': 'hello ModalityKD'}])])

# --- deliberately non-conforming headers (nibabel repairs these on load) ----------
fixture('edge_qfac0.nii', 'qform only with pixdim[0]=0 on disk; nibabel treats qfac 0 as +1',
        lambda a=floats('qfac0', np.float32): new_image(a, qform=_Q_AFF, qcode=1),
        [holds('raw qfac 0', lambda i: i['raw_pixdim'][0] == 0.0),
         holds('loaded qfac 1', lambda i: i['pixdim'][0] == 1.0),
         affine_close('affine', _Q_AFF)],
        patch=patch_header('pixdim', 0, 0.0))
fixture('edge_negative_pixdim.nii', 'qform only with pixdim[1]=-0.9 on disk; nibabel uses abs(pixdim)',
        lambda a=floats('negpix', np.float32): new_image(a, qform=_Q_AFF, qcode=1),
        [holds('raw pixdim1 < 0', lambda i: i['raw_pixdim'][1] < 0),
         affine_close('spacing', _ZOOMS), affine_close('affine', _Q_AFF)],
        patch=patch_header('pixdim', 1, -0.9))


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------

def is_gz(name):
    return name.endswith('.gz')


def uncompressed_name(name):
    return name[:-3] if is_gz(name) else name


def companion_names(name):
    """All on-disk files of a fixture (header file first)."""
    if uncompressed_name(name).endswith('.hdr'):
        return [name, name.replace('.hdr', '.img')]
    return [name]


def write_fixture(name, img, patch, tmp_dir):
    """Save with nibabel (uncompressed) into tmp_dir, patch, copy/gzip into OUT_DIR."""
    plain_name = uncompressed_name(name)
    nib.save(img, os.path.join(tmp_dir, plain_name))
    for i, out_name in enumerate(companion_names(name)):
        with open(os.path.join(tmp_dir, uncompressed_name(out_name)), 'rb') as f:
            data = f.read()
        if i == 0 and patch is not None:
            endian = img.header.endianness
            version = 2 if isinstance(img.header, nib.Nifti2Header) else 1
            data = patch(data, endian, version)
        if is_gz(out_name):
            # Fixed mtime and no file name -> byte-identical output across runs.
            data = gzip.compress(data, compresslevel=9, mtime=0)
        with open(os.path.join(OUT_DIR, out_name), 'wb') as f:
            f.write(data)


def check_on_disk(name, img):
    """Assert the file really is what the header class / endianness claim."""
    path = os.path.join(OUT_DIR, name)
    opener = gzip.open if is_gz(name) else open
    with opener(path, 'rb') as f:
        head = f.read(4)
    nifti2 = isinstance(img.header, nib.Nifti2Header)
    want = 540 if nifti2 else 348
    endian = img.header.endianness
    assert struct.unpack(endian + 'i', head)[0] == want, f'{name}: bad sizeof_hdr/endianness'
    other = '<' if endian == '>' else '>'
    assert struct.unpack(other + 'i', head)[0] != want
    if is_gz(name):
        with open(path, 'rb') as f:
            raw = f.read(10)
        assert raw[:2] == b'\x1f\x8b' and raw[4:8] == b'\0\0\0\0', f'{name}: gzip mtime set'


def clean_out_dir():
    os.makedirs(OUT_DIR, exist_ok=True)
    for entry in os.listdir(OUT_DIR):
        if entry.endswith(DATA_SUFFIXES) or entry == 'expected.json':
            os.remove(os.path.join(OUT_DIR, entry))


def main():
    # The edge_* fixtures are broken on purpose; nibabel's load-time
    # "setting to abs of pixdim values" warnings are expected noise here.
    logging.getLogger('nibabel.global').setLevel(logging.ERROR)
    clean_out_dir()
    names = [f[0] for f in FIXTURES]
    assert len(names) == len(set(names)), 'duplicate fixture names'
    expected = {}
    tmp_dir = tempfile.mkdtemp(prefix='nifti-fixtures-')
    try:
        for name, description, build, checks, patch in FIXTURES:
            img = build()
            write_fixture(name, img, patch, tmp_dir)
            check_on_disk(name, img)
            info = nifti_reference.describe(os.path.join(OUT_DIR, name))
            for check in checks:
                check(info)
            # Generic sanity: the reloaded voxels equal what we meant to write.
            loaded = nib.load(os.path.join(OUT_DIR, name))
            want = np.asarray(img.dataobj, dtype=np.float64)
            slope, inter = img.header.get_slope_inter()
            if slope is not None:
                want = want * slope + inter
            got = loaded.get_fdata(dtype=np.float64)
            assert got.shape == want.shape, name
            assert np.array_equal(got, want, equal_nan=True) or np.allclose(
                got, want, rtol=1e-6, equal_nan=True), f'{name}: voxel mismatch'
            expected[name] = info
            print(f'{name:45s} {description}')
    finally:
        shutil.rmtree(tmp_dir)

    with open(os.path.join(OUT_DIR, 'expected.json'), 'w') as f:
        f.write(json.dumps(expected, allow_nan=False, sort_keys=True, indent=1))
        f.write('\n')
    print(f'{len(expected)} fixtures written to {OUT_DIR}')


if __name__ == '__main__':
    main()
