#!/usr/bin/env python3
"""Checks deploy/k8s without a cluster (run through validate.sh).

1. Every Kubernetes manifest against the Kubernetes OpenAPI schemas of the
   oldest and the newest version we support (kubernetes-validate, strict: an
   unknown field fails), every CloudNativePG resource against the JSON
   Schemas in schemas/ (which must match schemas/generate.py).
2. What the schemas cannot know: no Secret values committed; secrets only by
   reference; the restricted Pod Security settings on every iiz pod;
   resources set; the probes on paths iiz serves (crates/gateway/src/health.rs);
   selectors that match; the names that tie the pieces together (the
   CloudNativePG app secret, the ObjectStore, the NATS Service); iiz.toml
   keys the binary knows (crates/iiz/src/config*.rs; unknown keys would be
   ignored silently); the NATS Helm values.
3. With kubectl or kustomize on the PATH, each kustomization rendered and
   the result validated again (optional; said when skipped).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import kubernetes_validate
import yaml

import validate_common as common
from validate_common import (
    CUSTOM_SCHEMAS, HERE, KUBERNETES_VERSIONS, check, failures, load_documents,
    manifest_files, rel,
)
from validate_policies import (
    check_iiz, check_job, check_nats, check_no_secret_values, check_postgres, containers_of,
    pods_of,
)


# ---------------------------------------------------------------- schemas


def validate_schema(doc: dict, where: str) -> None:
    key = (doc.get("apiVersion"), doc.get("kind"))
    if key in CUSTOM_SCHEMAS:
        schema = json.loads((HERE / "schemas" / CUSTOM_SCHEMAS[key]).read_text())
        validator = jsonschema.Draft202012Validator(schema)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for error in errors:
            path = ".".join(str(p) for p in error.absolute_path) or "(root)"
            message = error.message
            if error.validator == "not":
                message = f"must not set {error.validator_value.get('required')}"
            failures.append(f"{where}: {key[1]} {path}: {message}")
        check(True, "")
        return
    for version in KUBERNETES_VERSIONS:
        try:
            kubernetes_validate.validate(doc, version, strict=True)
            check(True, "")
        except kubernetes_validate.ValidationError as error:
            path = ".".join(str(p) for p in error.path) or "(root)"
            failures.append(f"{where}: Kubernetes {version}: {path}: {error.message}")
        except kubernetes_validate.SchemaNotFoundError as error:
            failures.append(f"{where}: {error.message} (no schema: add one to schemas/)")


def schemas_in_sync() -> None:
    sys.dont_write_bytecode = True
    sys.path.insert(0, str(HERE / "schemas"))
    import generate  # noqa: E402 (the generator lives beside the schemas)

    for name, text in generate.render().items():
        committed = (HERE / "schemas" / name).read_text()
        check(committed == text, f"schemas/{name} differs from schemas/generate.py: run it")


# ---------------------------------------------------------------- kustomize


def kustomizations() -> list[Path]:
    return sorted(HERE.rglob("kustomization.yaml"))


def check_kustomization(path: Path) -> set[Path]:
    spec = load_documents(path)[0]
    where = rel(path)
    check(spec.get("kind") == "Kustomization", f"{where}: kind must be Kustomization")
    listed = set()
    for resource in spec.get("resources", []):
        target = (path.parent / resource).resolve()
        check(target.exists(), f"{where}: resource {resource} does not exist")
        listed.add(target)
    return listed


def check_images_agree() -> None:
    images = {}
    for path in kustomizations():
        for image in load_documents(path)[0].get("images", []):
            images[rel(path)] = (image.get("name"), image.get("newName"), image.get("newTag"))
    check(len(set(images.values())) <= 1, f"the kustomizations run different iiz images: {images}")


def render_kustomizations() -> None:
    tool = shutil.which("kustomize")
    command = [tool, "build"] if tool else None
    if not command and shutil.which("kubectl"):
        command = [shutil.which("kubectl"), "kustomize"]
    if not command:
        print("  (kustomize rendering skipped: neither kustomize nor kubectl is installed)")
        return
    for path in kustomizations():
        result = subprocess.run(command + [str(path.parent)], capture_output=True, text=True, check=False)
        where = f"{rel(path)} rendered"
        check(result.returncode == 0, f"{where}: {result.stderr.strip()}")
        if result.returncode != 0:
            continue
        docs = [d for d in yaml.safe_load_all(result.stdout) if d]
        for doc in docs:
            name = f"{where} {doc['kind']}/{doc['metadata']['name']}"
            validate_schema(doc, name)
            if doc["kind"] != "Namespace":
                check(doc["metadata"].get("namespace") == "iiz", f"{name}: not in the namespace iiz")
            for pod in pods_of(doc):
                for container in containers_of(pod):
                    check("/" in container["image"], f"{name}: image {container['image']} not replaced by the kustomization")
        print(f"  rendered {rel(path.parent)}: {len(docs)} resources")


# ---------------------------------------------------------------- main


def guarded(what: str, function, *args):
    """Runs a group of checks; a manifest too broken to read fails it, not the script."""
    try:
        return function(*args)
    except (KeyError, TypeError, AttributeError, StopIteration, IndexError) as error:
        failures.append(f"{what}: cannot be checked, {type(error).__name__} {error} (see the schema errors)")
        return None


def main() -> int:
    by_name: dict[tuple[str, str], dict] = {}
    postgres: dict[tuple[str, str], dict] = {}
    files = manifest_files()
    for path in files:
        docs = load_documents(path)
        check(len(docs) > 0, f"{rel(path)}: empty")
        check_no_secret_values(path, docs)
        for doc in docs:
            validate_schema(doc, f"{rel(path)} {doc.get('kind')}/{doc.get('metadata', {}).get('name')}")
            key = (doc["kind"], doc["metadata"]["name"])
            if path.parent.name == "postgres" and not path.name.endswith(".example.yaml"):
                postgres[key] = doc
            elif path.parent == HERE and not path.name.endswith(".example.yaml"):
                by_name[key] = doc
    print(f"  {len(files)} manifest files validated against Kubernetes {' and '.join(KUBERNETES_VERSIONS)} "
          f"and schemas/ for {', '.join(k for _, k in CUSTOM_SCHEMAS)}")
    schemas_in_sync()

    cluster_name = guarded("postgres/", check_postgres, postgres)
    guarded("the iiz manifests", check_iiz, by_name, cluster_name)
    for directory, command in (("migrate", "migrate"), ("replay", "replay")):
        for doc in load_documents(HERE / directory / "job.yaml"):
            guarded(f"{directory}/job.yaml", check_job, f"{directory}/job.yaml", doc, command, cluster_name)

    listed: set[Path] = set()
    for path in kustomizations():
        listed |= check_kustomization(path)
    for path in files:
        check(path in listed or path.name.endswith(".example.yaml"),
              f"{rel(path)}: in no kustomization (name it *.example.yaml if it is an example)")
    check_images_agree()

    nats = load_documents(HERE / "nats" / "values.yaml")[0]
    guarded("nats/values.yaml", check_nats, nats)

    render_kustomizations()

    if failures:
        print(f"deploy/k8s: {len(failures)} of {common.checks} checks failed:", file=sys.stderr)
        for failure in failures:
            print(f"  - {failure}", file=sys.stderr)
        return 1
    print(f"deploy/k8s: {common.checks} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
