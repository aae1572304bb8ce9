#@ ModalityKDService kd
#@ File (label="Predicted label maps", style="directory") predictions
#@ File (label="Reference cases or label maps", style="directory") references
#@ File (label="Report CSV", style="save") report_csv
# Jython: evaluate a folder of predictions against references (matched by case id) and
# print the mean Dice per BraTS region; the per-case table goes to the CSV.
from org.modalitykd.eval import BratsRegion

# True: replace the report of an earlier run.
report = kd.evaluate(predictions.toPath(), references.toPath(), report_csv.toPath(), True)
for region in BratsRegion.values():
    print("%s mean Dice %.4f over %d cases" % (region, report.summary(region, 0, "mean"), len(report.cases())))
