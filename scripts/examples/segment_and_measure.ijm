// Open a case, segment it with the best model for its modalities, and print the tumour
// volumes. Headless: ImageJ-linux64 --headless -batch segment_and_measure.ijm "/data/BraTS_001|/models"
// (argument: case folder|models folder); in Fiji it asks for both folders.
arg = getArgument();
if (arg == "") {
    caseDir = getDirectory("BraTS case folder");
    models = getDirectory("Models folder");
} else {
    parts = split(arg, "|");
    caseDir = parts[0];
    models = parts[1];
}
setBatchMode(true);
run("Open MRI Case...", "case=[" + caseDir + "] modalities=");
id = getTitle();
run("Segment...", "models=[" + models + "] model=auto device=auto overlap=0.5 opacity=40 qa=none");
row = nResults - 1;
print(id + " segmented with " + getResultString("model", row) + ": WT " + d2s(getResult("WT_ml", row), 2)
    + " mL, TC " + d2s(getResult("TC_ml", row), 2) + " mL, ET " + d2s(getResult("ET_ml", row), 2) + " mL");
