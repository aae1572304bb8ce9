// Open a BraTS case (or a manifest CSV) as one hyperstack, a channel per modality.
// Record your own with Plugins > Macros > Record... while using Plugins > ModalityKD.
caseDir = getDirectory("Choose a BraTS case folder");
run("Open MRI Case...", "case=[" + caseDir + "] modalities=t1,t1ce,t2,flair");
getVoxelSize(pw, ph, pd, unit);
print(getTitle() + ": voxel " + pw + " x " + ph + " x " + pd + " " + unit);
