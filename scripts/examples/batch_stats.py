#@ File (label="Folder of BraTS case folders", style="directory") root
# Jython, headless-friendly (fiji --headless --run batch_stats.py 'root="/data/brats"'):
# one line per case with its modalities and whether their grids agree.
from org.modalitykd.io import BratsLayout, CaseLoader

loader = CaseLoader()
for files in BratsLayout.casesUnder(root.toPath()):
    inventory = loader.inventory(files)
    print("%s\t%s\t%s" % (files.id(), ",".join(files.modalityNames()),
                          "ok" if inventory.consistent() else "; ".join(inventory.problems())))
