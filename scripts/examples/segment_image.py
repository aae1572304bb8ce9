#@ File (label="BraTS case folder", style="directory") case_dir
#@ File (label="Model bundle or folder of bundles", style="directory") models
#@ String (label="Model", value="auto") model
#@ String (label="Device", choices={"auto", "cpu", "gpu"}) device
#@ Boolean (label="Test-time mirroring (8x slower)", value=false) tta
# Jython (Fiji Script Editor, language Python): segment an open case with the fluent
# API, print the chosen model and the volumes, and show the labels (with a display).
# Every option has a default; options read as strings ("auto", "gpu") as a macro has them.
from org.modalitykd.ij import ImagePlusBridge, ModalityKDImages
from org.modalitykd.io import CaseLoader
from java.awt import GraphicsEnvironment

case = CaseLoader().load(case_dir.toPath(), None)
image = ImagePlusBridge.toHyperstack(case.images(), case.id())
result = ModalityKDImages.segment(image).models(models).model(model).device(device).tta(tta).run()
print("%s: %s (%s)" % (case.id(), result.model(), result.choice().reason()))
print("WT %.2f mL, TC %.2f mL, ET %.2f mL" % tuple(result.volumes().get(k) for k in ("WT", "TC", "ET")))
print("model sha256 %s" % result.provenance().get("model_sha256"))
if not GraphicsEnvironment.isHeadless():
    image.show()
    ModalityKDImages.labelImage(result, case.id() + "-labels").show()
