#!/usr/bin/env bash
# SLURM job array: one shard of a cohort per array task, all writing to one shared
# output folder. Every case goes to exactly one shard; outputs are atomic and
# --resume skips finished cases, so a re-submitted array only does what is left.
#
#   sbatch --array=0-15 scripts/slurm-batch.sh cases.csv /models /scratch/out
#
# Arguments: MANIFEST (CSV or folder of BraTS case folders), MODEL (bundle or folder of
# bundles), OUT. Environment: MODALITYKD_DEVICE (default auto), MODALITYKD_JAVA_OPTS.
#SBATCH --job-name=modalitykd
#SBATCH --cpus-per-task=8
#SBATCH --mem=24G
#SBATCH --time=04:00:00
#SBATCH --output=modalitykd-%A_%a.log
# For GPUs add: #SBATCH --gres=gpu:1 (and build with mvn -Pgpu package)
set -euo pipefail
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
