"""What the checks of deploy/k8s share: the paths, the tally of checks
and failures, and reading the manifests (validate.py runs them)."""

from __future__ import annotations

from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

# The oldest Kubernetes version the manifests must work on, and the newest
# the pinned kubernetes-validate knows.
KUBERNETES_VERSIONS = ("1.30.0", "1.37.0")

# Custom resources and the committed schema each is checked against.
CUSTOM_SCHEMAS = {
    ("postgresql.cnpg.io/v1", "Cluster"): "cluster-postgresql-v1.json",
    ("postgresql.cnpg.io/v1", "ScheduledBackup"): "scheduledbackup-postgresql-v1.json",
    ("barmancloud.cnpg.io/v1", "ObjectStore"): "objectstore-barmancloud-v1.json",
}

# Files that are not manifests.
NOT_MANIFESTS = {"kustomization.yaml", "values.yaml"}

# Keys of the official NATS chart's values (1.x and later layout).
NATS_CHART_KEYS = {
    "global", "nameOverride", "fullnameOverride", "namespaceOverride", "config",
    "container", "reloader", "promExporter", "service", "statefulSet",
    "podTemplate", "headlessService", "configMap", "natsBox",
    "podDisruptionBudget", "serviceAccount", "ingress", "networkPolicy",
    "serviceMonitor", "extraResources", "imagePullSecrets",
}

failures: list[str] = []
checks = 0


def check(condition: bool, message: str) -> None:
    global checks
    checks += 1
    if not condition:
        failures.append(message)


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def load_documents(path: Path) -> list[dict]:
    with path.open() as f:
        return [doc for doc in yaml.safe_load_all(f) if doc is not None]


def manifest_files() -> list[Path]:
    return sorted(
        p for p in HERE.rglob("*.yaml") if p.name not in NOT_MANIFESTS and "schemas" not in p.parts
    )
