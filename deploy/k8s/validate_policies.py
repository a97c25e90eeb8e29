"""The checks of deploy/k8s that the schemas cannot make (validate.py runs
them): iiz's own facts (health routes, configuration keys), the policies
on pods and the names that tie the pieces together."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from validate_common import (
    HERE, NATS_CHART_KEYS, ROOT, check, failures, rel,
)


# ---------------------------------------------------------------- iiz facts


def health_routes() -> set[str]:
    source = (ROOT / "crates/gateway/src/health.rs").read_text()
    return set(re.findall(r'\.route\("(/[a-z]+)"', source))


def known_config_keys() -> set[str]:
    """Field names of the serde structs iiz.toml is read into."""
    keys: set[str] = set()
    flattened: set[str] = set()
    for path in sorted((ROOT / "crates/iiz/src").glob("*.rs")):
        if path.name.endswith("_tests.rs"):
            continue
        source = path.read_text()
        for struct in re.finditer(r"#\[derive\([^)]*Deserialize[^)]*\)\]\s*(?:#\[[^\]]*\]\s*)*pub struct \w+ \{(.*?)\n\}", source, re.S):
            body = struct.group(1)
            for attrs, name in re.findall(r"((?:#\[[^\]]*\]\s*|///[^\n]*\n\s*)*)pub (\w+):", body):
                if "flatten" in attrs:
                    flattened.add(name)
                else:
                    keys.add(name)
    return keys - flattened


# ---------------------------------------------------------------- policies


def containers_of(pod: dict) -> list[dict]:
    return pod.get("initContainers", []) + pod.get("containers", [])


def check_pod(where: str, pod: dict) -> None:
    security = pod.get("securityContext", {})
    check(security.get("runAsNonRoot") is True, f"{where}: pod securityContext.runAsNonRoot must be true")
    check(
        security.get("seccompProfile", {}).get("type") == "RuntimeDefault",
        f"{where}: pod seccompProfile must be RuntimeDefault",
    )
    check(pod.get("automountServiceAccountToken") is False, f"{where}: iiz needs no service account token")
    check(not pod.get("hostNetwork") and not pod.get("hostPID"), f"{where}: no host namespaces")
    for container in containers_of(pod):
        name = f"{where} container {container['name']}"
        context = container.get("securityContext", {})
        check(context.get("allowPrivilegeEscalation") is False, f"{name}: allowPrivilegeEscalation must be false")
        check(context.get("readOnlyRootFilesystem") is True, f"{name}: readOnlyRootFilesystem must be true")
        check(context.get("privileged") in (None, False), f"{name}: must not be privileged")
        check(
            context.get("capabilities", {}).get("drop") == ["ALL"] and not context.get("capabilities", {}).get("add"),
            f"{name}: capabilities must drop ALL and add none",
        )
        resources = container.get("resources", {})
        for kind in ("requests", "limits"):
            check("memory" in resources.get(kind, {}), f"{name}: resources.{kind}.memory missing")
        check("cpu" in resources.get("requests", {}), f"{name}: resources.requests.cpu missing")
        for env in container.get("env", []):
            secretish = re.search(r"PASSWORD|SECRET|TOKEN|DATABASE_URL|NATS_URL", env["name"])
            if secretish and "value" in env:
                check(
                    env["name"] == "NATS_URL" and "@" not in env["value"],
                    f"{name}: {env['name']} must come from a Secret (valueFrom.secretKeyRef), not a literal",
                )


def labels_match(selector: dict, labels: dict) -> bool:
    return all(labels.get(k) == v for k, v in selector.items())


def check_iiz(docs: dict[tuple[str, str], dict], cluster_name: str | None) -> None:
    deployment = docs.get(("Deployment", "iiz"))
    check(deployment is not None, "deployment.yaml: the Deployment iiz is missing")
    if not deployment:
        return
    spec = deployment["spec"]
    template = spec["template"]
    pod = template["spec"]
    pod_labels = template["metadata"]["labels"]
    where = "deployment.yaml"
    check(spec.get("replicas", 1) >= 3, f"{where}: at least 3 replicas")
    check(labels_match(spec["selector"]["matchLabels"], pod_labels), f"{where}: selector does not match the pod labels")
    strategy = spec.get("strategy", {})
    check(strategy.get("type") == "RollingUpdate", f"{where}: strategy must be RollingUpdate")
    check(
        str(strategy.get("rollingUpdate", {}).get("maxUnavailable")) == "0",
        f"{where}: maxUnavailable 0 keeps full capacity during a rollout",
    )
    check(bool(pod.get("topologySpreadConstraints")) or "podAntiAffinity" in pod.get("affinity", {}),
          f"{where}: spread the replicas (topologySpreadConstraints or anti-affinity)")
    check_pod(where, pod)

    container = next(c for c in pod["containers"] if c["name"] == "iiz")
    ports = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
    routes = health_routes()
    check({"/healthz", "/readyz"} <= routes, f"health.rs no longer serves /healthz and /readyz: {sorted(routes)}")
    expected = {"startupProbe": "/readyz", "readinessProbe": "/readyz", "livenessProbe": "/healthz"}
    for probe, path in expected.items():
        http = container.get(probe, {}).get("httpGet", {})
        check(http.get("path") == path, f"{where}: {probe} must probe {path}, found {http.get('path')}")
        check(http.get("path") in routes, f"{where}: {probe} probes {http.get('path')}, which iiz does not serve")
        check(http.get("port") in ports, f"{where}: {probe} port {http.get('port')} is no container port")

    env = {e["name"]: e for e in container.get("env", [])}
    database = env.get("DATABASE_URL", {}).get("valueFrom", {}).get("secretKeyRef", {})
    check(database.get("key") == "uri", f"{where}: DATABASE_URL from the CloudNativePG secret's key uri")
    if cluster_name:
        check(
            database.get("name") == f"{cluster_name}-app",
            f"{where}: DATABASE_URL secret {database.get('name')} is not {cluster_name}-app (postgres/cluster.yaml)",
        )
    config_path = env.get("IIZ_CONFIG", {}).get("value")
    mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    config_dir = os.path.dirname(config_path or "")
    check(config_dir in mounts, f"{where}: IIZ_CONFIG {config_path} is not on a mounted volume")
    configmap_name = volumes.get(mounts.get(config_dir, ""), {}).get("configMap", {}).get("name")
    configmap = docs.get(("ConfigMap", configmap_name or ""))
    check(configmap is not None, f"{where}: the ConfigMap {configmap_name} holding iiz.toml is missing")
    if configmap:
        check_iiz_toml(configmap, os.path.basename(config_path), ports, mounts)

    service = docs.get(("Service", "iiz"))
    check(service is not None, "service.yaml: the Service iiz is missing")
    if service:
        check(labels_match(service["spec"]["selector"], pod_labels), "service.yaml: selector does not match the pods")
        for port in service["spec"]["ports"]:
            check(port["targetPort"] in ports, f"service.yaml: targetPort {port['targetPort']} is no container port")
    pdb = docs.get(("PodDisruptionBudget", "iiz"))
    check(pdb is not None, "pdb.yaml: the PodDisruptionBudget iiz is missing")
    if pdb:
        budget = pdb["spec"]
        check(labels_match(budget["selector"]["matchLabels"], pod_labels), "pdb.yaml: selector does not match the pods")
        check(
            budget.get("maxUnavailable") == 1 or budget.get("minAvailable", 0) >= 2,
            "pdb.yaml: maxUnavailable 1 or minAvailable 2",
        )
    policy = docs.get(("NetworkPolicy", "iiz"))
    if policy:
        check(labels_match(policy["spec"]["podSelector"]["matchLabels"], pod_labels),
              "networkpolicy.yaml: podSelector does not match the pods")
        if cluster_name:
            peers = [peer for rule in policy["spec"].get("egress", []) for peer in rule.get("to", [])]
            check(
                any(p.get("podSelector", {}).get("matchLabels", {}).get("cnpg.io/cluster") == cluster_name for p in peers),
                f"networkpolicy.yaml: no egress to the PostgreSQL pods of {cluster_name}",
            )


def check_iiz_toml(configmap: dict, file_name: str, ports: dict, mounts: dict) -> None:
    where = "configmap.yaml iiz.toml"
    text = configmap.get("data", {}).get(file_name)
    check(text is not None, f"configmap.yaml: no key {file_name}")
    if text is None:
        return
    try:
        settings = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        failures.append(f"{where}: not TOML: {error}")
        return
    known = known_config_keys()
    check(len(known) > 20, f"crates/iiz/src: found only {sorted(known)} as configuration keys")
    for key in settings:
        check(key in known, f"{where}: iiz does not know the key {key!r} (it would be ignored)")
    for secret in ("database_url", "smtp_password", "smtp_username"):
        check(secret not in settings, f"{where}: {secret} belongs in a Secret, not the ConfigMap")
    listen = settings.get("listen", "")
    check(listen.startswith("0.0.0.0:"), f"{where}: listen must be 0.0.0.0:PORT in a pod, not {listen!r}")
    check(listen.rsplit(":", 1)[-1] == str(ports.get("http")), f"{where}: listen port is not the container port http")
    data_dir = settings.get("data_dir")
    if data_dir:
        check(data_dir in mounts, f"{where}: data_dir {data_dir} is not a writable volume (read-only root)")
    if "nats_url" in settings:
        check(settings.get("nats_replicas", 1) == 3, f"{where}: nats_replicas must be 3 on the three-node cluster")


def check_job(where: str, job: dict, command: str, cluster_name: str | None) -> None:
    pod = job["spec"]["template"]["spec"]
    check_pod(where, pod)
    check(pod.get("restartPolicy") in ("Never", "OnFailure"), f"{where}: Job pods must not restart Always")
    container = pod["containers"][0]
    check(container.get("args") == [command], f"{where}: must run `iiz {command}`")
    ref = next((e["valueFrom"]["secretKeyRef"] for e in container.get("env", []) if e["name"] == "DATABASE_URL"), {})
    if cluster_name:
        check(ref.get("name") == f"{cluster_name}-app" and ref.get("key") == "uri",
              f"{where}: DATABASE_URL must come from {cluster_name}-app key uri")


def check_postgres(docs: dict[tuple[str, str], dict]) -> str | None:
    clusters = [d for (kind, _), d in docs.items() if kind == "Cluster"]
    check(len(clusters) == 1, f"postgres/: expected one Cluster in the kustomization, found {len(clusters)}")
    if not clusters:
        return None
    cluster = clusters[0]
    spec = cluster["spec"]
    name = cluster["metadata"]["name"]
    where = "postgres/cluster.yaml"
    check(spec.get("instances", 0) >= 2, f"{where}: instances >= 2 (primary and standby)")
    # initdb, or recovery after a restore (docs/operations.md "Restore").
    bootstrap = spec.get("bootstrap", {})
    origin = bootstrap.get("initdb") or bootstrap.get("recovery") or {}
    check(origin.get("database") == "iiz" and origin.get("owner") == "iiz",
          f"{where}: the bootstrap must create the database iiz owned by iiz (the secret iiz-db-app)")
    match = re.search(r":(\d+)(?:\.\d+)?", spec.get("imageName", ""))
    check(bool(match) and int(match.group(1)) >= 15, f"{where}: PostgreSQL 15 or later, not {spec.get('imageName')}")
    check(spec.get("affinity", {}).get("enablePodAntiAffinity") is not False, f"{where}: keep the instances apart")
    stores = {n for (kind, n) in docs if kind == "ObjectStore"}
    archivers = [p for p in spec.get("plugins", []) if p.get("isWALArchiver")]
    check(len(archivers) == 1, f"{where}: exactly one WAL archiver plugin")
    for plugin in archivers:
        store = plugin.get("parameters", {}).get("barmanObjectName")
        check(store in stores, f"{where}: WAL archiver uses ObjectStore {store}, which is not defined")
    for (kind, store_name), store in docs.items():
        if kind == "ObjectStore":
            credentials = store["spec"]["configuration"].get("s3Credentials", {})
            check(all("name" in v for k, v in credentials.items() if isinstance(v, dict)),
                  "postgres/objectstore.yaml: credentials by secret reference only")
    backups = [d for (kind, _), d in docs.items() if kind == "ScheduledBackup"]
    check(len(backups) >= 1, "postgres/: no ScheduledBackup")
    for backup in backups:
        check(backup["spec"]["cluster"]["name"] == name, "postgres/scheduled-backup.yaml: names another cluster")
        if archivers:
            check(backup["spec"].get("method") == "plugin", "postgres/scheduled-backup.yaml: method plugin (the archiver)")
    return name


def check_no_secret_values(path: Path, docs: list[dict]) -> None:
    for doc in docs:
        check(
            doc.get("kind") != "Secret" or not (doc.get("data") or doc.get("stringData")),
            f"{rel(path)}: a Secret with values is committed; reference Secrets the operator creates",
        )


def check_nats(settings: dict) -> None:
    where = "nats/values.yaml"
    for key in settings:
        check(key in NATS_CHART_KEYS, f"{where}: {key!r} is no value of the NATS chart")
    config = settings.get("config", {})
    cluster = config.get("cluster", {})
    check(cluster.get("enabled") is True, f"{where}: config.cluster.enabled must be true")
    check(cluster.get("replicas") == 3, f"{where}: config.cluster.replicas must be 3")
    jetstream = config.get("jetstream", {})
    check(jetstream.get("enabled") is True, f"{where}: config.jetstream.enabled must be true")
    file_store = jetstream.get("fileStore", {})
    check(file_store.get("enabled") is True, f"{where}: JetStream file storage")
    pvc = file_store.get("pvc", {})
    check(pvc.get("enabled") is True and bool(pvc.get("size")), f"{where}: a PVC per server for the file store")
    if file_store.get("maxSize") and pvc.get("size"):
        check(to_bytes(file_store["maxSize"]) < to_bytes(pvc["size"]), f"{where}: fileStore.maxSize must stay below the PVC size")
    text = (HERE / "nats" / "values.yaml").read_text()
    versions = set(re.findall(r"nats/nats --version ([0-9][^\s`]*)", text))
    check(len(versions) == 1, f"{where}: pin exactly one chart version in the install command, found {versions}")
    readme = (HERE / "README.md").read_text()
    check(versions <= set(re.findall(r"nats/nats --version ([0-9][^\s`]*)", readme)),
          f"README.md: the NATS chart version differs from {where}")


def to_bytes(quantity: str) -> float:
    units = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([KMGT]i?)?", str(quantity))
    if not match:
        raise ValueError(f"cannot read the quantity {quantity!r}")
    return float(match.group(1)) * units.get(match.group(2) or "", 1)


def pods_of(doc: dict) -> list[dict]:
    if doc.get("kind") in ("Deployment", "Job", "StatefulSet", "DaemonSet"):
        return [doc["spec"]["template"]["spec"]]
    return []
