#@ ModalityKDService kd
#@ File (label="Folder of BraTS case folders", style="directory") cases_dir
#@ File (label="Model bundle or folder of bundles", style="directory") models
#@ File (label="Output folder", style="directory") out_dir
# Jython (Fiji Script Editor, language Python), headless-friendly:
#   ImageJ-linux64 --headless --run batch_segment.py 'cases_dir="/data",models="/models",out_dir="/out"'
# Segments every case with the best model for the modalities it has, writes
# <case>.nii.gz per case (with its provenance in the header) and volumes.csv (mL of WT,
# TC, ET). Run again, it replaces its earlier results (overwrite(True)); a case's own
# files are never replaced. kd.run shows each case in Fiji's task list, where it can be
# cancelled.
import os
from org.modalitykd.app import ModalityKD
from org.modalitykd.io import BratsLayout

rows = []
for files in BratsLayout.casesUnder(cases_dir.toPath()):
    case_dir = files.modalities().values().iterator().next().getParent()
    target = out_dir.toPath().resolve(files.id() + ".nii.gz")
    result = kd.run(ModalityKD.segment(case_dir).models(models).model("auto").output(target).overwrite(True))
    volumes = result.volumes()
    rows.append([files.id(), result.model()] + ["%.3f" % volumes.get(k) for k in ("WT", "TC", "ET")])
    print("%s: %s -> WT %.1f mL, TC %.1f mL, ET %.1f mL" % (files.id(), result.model(), volumes.get("WT"),
                                                           volumes.get("TC"), volumes.get("ET")))

with open(os.path.join(out_dir.getPath(), "volumes.csv"), "w") as f:
    f.write("case_id,model,wt_ml,tc_ml,et_ml\n")
    for r in rows:
        f.write(",".join(r) + "\n")
print("%d cases segmented into %s" % (len(rows), out_dir))
