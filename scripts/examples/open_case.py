#@ File (label="BraTS case folder or manifest CSV", style="both") case_path
#@ String (label="Modalities (empty for all)", value="") modalities
# Jython (Fiji Script Editor, language Python): load a case with the ModalityKD API,
# print its geometry and show it as a hyperstack (and its labels, if any).
from org.modalitykd.io import CaseLoader, Modalities
from org.modalitykd.ij import ImagePlusBridge
from java.awt import GraphicsEnvironment

wanted = Modalities.parseList(modalities) if modalities.strip() else None
case = CaseLoader().load(case_path.toPath(), wanted)
print("%s: %s, %s" % (case.id(), list(case.images().channelNames()), case.images().geometry().describe()))
image = ImagePlusBridge.toHyperstack(case.images(), case.id())
labels = ImagePlusBridge.toLabelImage(case.labels().get(), case.id() + "_seg") if case.labels().isPresent() else None
if not GraphicsEnvironment.isHeadless():  # headless Fiji (a cluster job) has no windows to show
    image.show()
    if labels:
        labels.show()
