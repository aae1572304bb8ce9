#!/usr/bin/python3
"""Independent reference for ModalityKD's segmentation metrics (numpy + scipy).

Usage: eval_reference.py PRED.nii.gz REF.nii.gz -> one JSON object: for each BraTS
region (WT = 1,2,4; TC = 1,4; ET = 4) dice, hd95_mm, sensitivity, specificity,
ref_volume_ml, pred_volume_ml.

HD95 follows MedPy's definition: the surface of a mask is the mask minus its binary
erosion with the 6-connected cross (voxels at the image border count as surface);
distances from each surface voxel of one mask to the other mask's surface (exact
Euclidean distance transform with the voxel spacing), pooled in both directions, 95th
percentile with linear interpolation. Empty masks: both empty -> dice 1, hd95 0; one
empty -> dice 0, hd95 = image diagonal (shape * spacing). Sensitivity is null for an
empty reference.
"""
import json
import sys

import nibabel as nib
import numpy as np
from scipy import ndimage

REGIONS = {"WT": (1, 2, 4), "TC": (1, 4), "ET": (4,)}


def surface(mask):
    cross = ndimage.generate_binary_structure(3, 1)
    return mask & ~ndimage.binary_erosion(mask, structure=cross, border_value=0)


def hd95(pred, ref, spacing):
    sp, sr = surface(pred), surface(ref)
    to_ref = ndimage.distance_transform_edt(~sr, sampling=spacing)
    to_pred = ndimage.distance_transform_edt(~sp, sampling=spacing)
    pooled = np.hstack((to_ref[sp], to_pred[sr]))
    return float(np.percentile(pooled, 95))


def region_metrics(pred, ref, spacing):
    tp = int(np.sum(pred & ref))
    fp = int(np.sum(pred & ~ref))
    fn = int(np.sum(~pred & ref))
    tn = pred.size - tp - fp - fn
    np_, nr = tp + fp, tp + fn
    voxel_ml = float(np.prod(spacing)) / 1000.0
    if np_ == 0 and nr == 0:
        dice, h = 1.0, 0.0
    elif np_ == 0 or nr == 0:
        dice, h = 0.0, float(np.sqrt(np.sum((np.array(pred.shape) * np.array(spacing)) ** 2)))
    else:
        dice, h = 2.0 * tp / (np_ + nr), hd95(pred, ref, spacing)
    return {
        "dice": dice,
        "hd95_mm": h,
        "sensitivity": None if nr == 0 else tp / nr,
        "specificity": None if tn + fp == 0 else tn / (tn + fp),
        "ref_volume_ml": nr * voxel_ml,
        "pred_volume_ml": np_ * voxel_ml,
    }


def main():
    pred_img, ref_img = nib.load(sys.argv[1]), nib.load(sys.argv[2])
    pred = np.asarray(pred_img.dataobj).astype(np.int64)
    ref = np.asarray(ref_img.dataobj).astype(np.int64)
    spacing = [float(z) for z in ref_img.header.get_zooms()[:3]]
    out = {name: region_metrics(np.isin(pred, labels), np.isin(ref, labels), spacing)
           for name, labels in REGIONS.items()}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
