#@ File (label="Labelled BraTS cases (T1, T1ce, T2, FLAIR, seg)", style="directory") data_dir
#@ File (label="Output folder for the two bundles", style="directory") out_dir
#@ String (label="Student modality", choices={"flair", "t1ce", "t2", "t1"}) modality
#@ Integer (label="Steps per run", value=1000) steps
#@ Integer (label="Patch size (voxels)", value=96) patch_size
#@ Integer (label="U-Net levels", value=4) levels
#@ Integer (label="Base filters", value=16) base_filters
# Jython (Fiji Script Editor, language Python), headless-friendly:
#   ImageJ-linux64 --headless --run train_and_distill.py \
#     'data_dir="/data",out_dir="/models",modality="flair",steps=1000,patch_size=96,levels=4,base_filters=16'
# Trains a teacher on all four modalities, then distils it into a one-modality student
# with ProtoKD, printing the loss every 50 steps and each validation. Each call blocks
# until its bundle exists; run it again after an interruption: it resumes.
from org.modalitykd.app import ModalityKD
from org.modalitykd.train import TrainingListener, TrainingParameters, TrainingRun


class Printer(TrainingListener):
    """Prints what a run reports; TrainingListener's other methods keep their defaults."""

    def stepDone(self, result, total):
        if result.step() % 50 == 0 or result.step() == total:
            print("  step %d/%d loss %.4f" % (result.step(), total, result.loss()))

    def validated(self, step, metrics, best):
        print("  validation at step %d: Dice WT %.3f TC %.3f ET %.3f" % (step, metrics.get("dice_wt"),
                                                                       metrics.get("dice_tc"), metrics.get("dice_et")))


parameters = TrainingParameters.defaults().withSteps(steps).withPatchSize(patch_size) \
    .withNetwork(levels, base_filters).withValidation(0.2, max(1, steps // 2)).withCheckpointInterval(max(1, steps // 2))
teacher = out_dir.toPath().resolve("teacher")
student = out_dir.toPath().resolve("student-" + modality)

print("teacher (t1, t1ce, t2, flair) -> %s" % teacher)
t = ModalityKD.trainTeacher(data_dir).parameters(parameters).output(teacher) \
    .resume(TrainingRun.hasCheckpoint(teacher)).listener(Printer()).run()
print("teacher: %d steps, best validation %s" % (t.steps(), t.bestValidation()))

print("ProtoKD student (%s) -> %s" % (modality, student))
s = ModalityKD.distill(data_dir).teacher(teacher).modality(modality).method("protokd").parameters(parameters) \
    .output(student).resume(TrainingRun.hasCheckpoint(student)).listener(Printer()).run()
print("student: %d steps, best validation %s" % (s.steps(), s.bestValidation()))
