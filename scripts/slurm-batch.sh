#!/usr/bin/env bash
# SLURM job array: one shard of a cohort per array task, all writing to one shared
# output folder. Every case goes to exactly one shard; outputs are atomic and
# --resume skips finished cases, so a re-submitted array only does what is left.
#
#   sbatch --array=0-15 scripts/slurm-batch.sh cases.csv /models /scratch/out
#
# Arguments: MANIFEST (CSV or folder of BraTS case folders), MODEL (bundle or folder of
# bundles), OUT. Environment: MODALITYKD_DEVICE (default auto), MODALITYKD_JAVA_OPTS.
#
# Or one Fiji macro per job (e.g. an array over cases, the case from SLURM_ARRAY_TASK_ID):
#
#   sbatch scripts/slurm-batch.sh --macro segment_and_measure.ijm "/data/BraTS_001|/models"
#
# runs $MODALITYKD_IMAGEJ -batch MACRO [ARG] (default: ImageJ-linux64 --headless, on the
# PATH) and ends with ImageJ's exit status, so SLURM marks the job FAILED when it is not 0:
# a ModalityKD command that fails in a -batch macro prints one line and exits 1. A macro
# that ImageJ itself aborts (an error of the macro language) exits 0 in ImageJ; this script
# runs the macro through a small wrapper and turns that into exit status 1 as well.
# MODALITYKD_TIMEOUT (e.g. 3h) ends a run that takes longer with status 124.
#SBATCH --job-name=modalitykd
#SBATCH --cpus-per-task=8
#SBATCH --mem=24G
#SBATCH --time=04:00:00
#SBATCH --output=modalitykd-%A_%a.log
# For GPUs add: #SBATCH --gres=gpu:1 (and build with mvn -Pgpu package)
set -euo pipefail
if [ "${1:-}" = --macro ]; then
  if [ $# -lt 2 ] || [ $# -gt 3 ] || [ ! -f "$2" ]; then
    echo "usage: sbatch scripts/slurm-batch.sh --macro MACRO.ijm [ARGUMENT] (MACRO.ijm must exist)" >&2
    exit 2
  fi
  macro="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
  read -r -a imagej <<<"${MODALITYKD_IMAGEJ:-ImageJ-linux64 --headless}"
  if [ -n "${MODALITYKD_TIMEOUT:-}" ]; then imagej=(timeout "$MODALITYKD_TIMEOUT" "${imagej[@]}"); fi
  wrapper="$(mktemp --suffix=.ijm)"
  log="$(mktemp)"
  trap 'rm -f "$wrapper" "$log"' EXIT
  # runMacro answers "[aborted]" when ImageJ aborts the macro for an error of its own.
  cat >"$wrapper" <<MACRO
result = runMacro("$macro", getArgument());
if (result == "[aborted]") print("slurm-batch: the macro was aborted");
else print("slurm-batch: the macro finished");
MACRO
  status=0
  "${imagej[@]}" -batch "$wrapper" "${3:-}" 2>&1 | tee "$log" || status=${PIPESTATUS[0]}
  if [ "$status" -ne 0 ]; then
    echo "slurm-batch: ImageJ ended with exit status $status: the macro failed" >&2
    exit "$status"
  fi
  if ! grep -qx "slurm-batch: the macro finished" "$log"; then
    echo "slurm-batch: the macro did not finish (see above); failing the job" >&2
    exit 1
  fi
  exit 0
fi
if [ $# -ne 3 ]; then
  echo "usage: sbatch --array=0-N scripts/slurm-batch.sh MANIFEST MODEL OUT" >&2
  exit 2
fi
manifest="$1"; model="$2"; out="$3"
task="${SLURM_ARRAY_TASK_ID:-0}"
count="${SLURM_ARRAY_TASK_COUNT:-1}"
# SLURM_ARRAY_TASK_COUNT is the number of tasks; with --array=0-15 the ids are 0..15.
home="${MODALITYKD_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
export MODALITYKD_JAVA_OPTS="${MODALITYKD_JAVA_OPTS:--Xmx16g}"
exec "$home/scripts/modalitykd" batch --manifest "$manifest" --model "$model" --out "$out" \
  --shard "$task/$count" --resume --device "${MODALITYKD_DEVICE:-auto}" --threads "${SLURM_CPUS_PER_TASK:-0}"
