#!/usr/bin/env bash
# Validates deploy/k8s without a cluster: every manifest against the
# Kubernetes schemas (the PyPI package kubernetes-validate, pinned), the
# CloudNativePG resources against schemas/, and the project's own rules
# (validate.py says which). Renders the kustomizations when kubectl or
# kustomize is installed. Run from anywhere: deploy/k8s/validate.sh
set -euo pipefail
cd "$(dirname "$0")"

# Pinned: a new release brings new Kubernetes schemas, which should land on
# purpose. It also brings jsonschema and PyYAML, which validate.py uses.
KUBERNETES_VALIDATE_VERSION=1.37.0

# validate.py reads TOML with the standard library's tomllib.
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "deploy/k8s/validate.sh needs Python 3.11 or later (python3 is $(python3 --version 2>&1))" >&2
  exit 1
fi

installed() {
  python3 -c 'import importlib.metadata as m, sys; sys.exit(m.version("kubernetes-validate") != sys.argv[1])' \
    "$KUBERNETES_VALIDATE_VERSION" 2>/dev/null
}

if ! installed; then
  echo "installing kubernetes-validate $KUBERNETES_VALIDATE_VERSION"
  python3 -m pip install --quiet --disable-pip-version-check \
    "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"
fi

exec python3 validate.py
