#!/usr/bin/env python3
"""The JSON Schemas validate.sh checks the CloudNativePG resources against.

Kubernetes' own schemas (kubernetes-validate) do not know custom resources.
These are written by hand from the CloudNativePG API reference and the
Barman Cloud plugin's ObjectStore type: the fields deploy/k8s uses and their
documented siblings, closed (additionalProperties: false) where the operator
would otherwise ignore a misspelt key. Sections iiz does not use are accepted
as any object. Edit this file, run it, commit both it and the JSON files;
validate.sh fails when they differ.
"""
import json
import os

out = os.path.dirname(os.path.abspath(__file__))


def obj(props, required=(), strict=True, desc=None):
    o = {"type": "object", "properties": props}
    if required: o["required"] = list(required)
    if strict: o["additionalProperties"] = False
    if desc: o["description"] = desc
    return o


S = {"type": "string"}
B = {"type": "boolean"}
I = {"type": "integer"}
ANYOBJ = {"type": "object"}
STRMAP = {"type": "object", "additionalProperties": {"type": "string"}}
QUANTITY = {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$"}]}
SECRET_KEY = obj({"name": S, "key": S}, required=("name", "key"))
LOCAL_REF = obj({"name": S}, required=("name",))
RESOURCES = obj({
    "limits": {"type": "object", "additionalProperties": QUANTITY},
    "requests": {"type": "object", "additionalProperties": QUANTITY},
    "claims": {"type": "array"},
})
METADATA = {"type": "object", "required": ["name"], "properties": {
    "name": {"type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "maxLength": 63},
    "namespace": S, "labels": STRMAP, "annotations": STRMAP}}
COMPRESSION = {"type": "string", "enum": ["bzip2", "gzip", "lz4", "snappy", "xz", "zstd"]}
ENCRYPTION = {"type": "string", "enum": ["AES256", "aws:kms"]}

# The barman-cloud object store configuration (CloudNativePG's
# BarmanObjectStoreConfiguration, shared by the plugin's ObjectStore).
BARMAN = obj({
    "destinationPath": {"type": "string", "minLength": 1},
    "endpointURL": S,
    "endpointCA": SECRET_KEY,
    "serverName": S,
    "s3Credentials": obj({
        "accessKeyId": SECRET_KEY, "secretAccessKey": SECRET_KEY,
        "region": SECRET_KEY, "sessionToken": SECRET_KEY,
        "inheritFromIAMRole": B}),
    "azureCredentials": ANYOBJ,
    "googleCredentials": ANYOBJ,
    "wal": obj({"compression": COMPRESSION, "encryption": ENCRYPTION,
                "maxParallel": {"type": "integer", "minimum": 1},
                "archiveAdditionalCommandArgs": {"type": "array", "items": S},
                "restoreAdditionalCommandArgs": {"type": "array", "items": S}}),
    "data": obj({"compression": COMPRESSION, "encryption": ENCRYPTION,
                 "immediateCheckpoint": B, "jobs": {"type": "integer", "minimum": 1},
                 "additionalCommandArgs": {"type": "array", "items": S}}),
    "tags": STRMAP, "historyTags": STRMAP,
}, required=("destinationPath",))

PLUGIN = obj({"name": {"type": "string", "minLength": 1}, "enabled": B,
              "isWALArchiver": B, "parameters": STRMAP}, required=("name",))

RECOVERY_TARGET = obj({
    "backupID": S, "targetTLI": S, "targetXID": S, "targetName": S,
    "targetLSN": S, "targetTime": S, "targetImmediate": B, "exclusive": B})

STORAGE = obj({"size": QUANTITY, "storageClass": S, "resizeInUseVolumes": B,
               "pvcTemplate": ANYOBJ})

cluster_spec = obj({
    "description": S,
    "instances": {"type": "integer", "minimum": 1},
    "imageName": S,
    "imageCatalogRef": ANYOBJ,
    "imagePullPolicy": {"type": "string", "enum": ["Always", "Never", "IfNotPresent"]},
    "imagePullSecrets": {"type": "array"},
    "inheritedMetadata": obj({"labels": STRMAP, "annotations": STRMAP}),
    "schedulerName": S, "priorityClassName": S,
    "postgresUID": I, "postgresGID": I,
    "minSyncReplicas": {"type": "integer", "minimum": 0},
    "maxSyncReplicas": {"type": "integer", "minimum": 0},
    "primaryUpdateStrategy": {"type": "string", "enum": ["unsupervised", "supervised"]},
    "primaryUpdateMethod": {"type": "string", "enum": ["switchover", "restart"]},
    "enablePDB": B,
    "enableSuperuserAccess": B,
    "superuserSecret": LOCAL_REF,
    "certificates": ANYOBJ,
    "bootstrap": obj({
        "initdb": obj({
            "database": S, "owner": S, "secret": LOCAL_REF,
            "encoding": S, "localeCollate": S, "localeCType": S, "locale": S,
            "localeProvider": S, "icuLocale": S, "icuRules": S, "builtinLocale": S,
            "dataChecksums": B, "walSegmentSize": I, "options": {"type": "array", "items": S},
            "postInitSQL": {"type": "array", "items": S},
            "postInitApplicationSQL": {"type": "array", "items": S},
            "postInitTemplateSQL": {"type": "array", "items": S},
            "postInitSQLRefs": ANYOBJ, "postInitApplicationSQLRefs": ANYOBJ,
            "postInitTemplateSQLRefs": ANYOBJ, "import": ANYOBJ}),
        "recovery": obj({
            "source": S, "backup": LOCAL_REF, "volumeSnapshots": ANYOBJ,
            "recoveryTarget": RECOVERY_TARGET,
            "database": S, "owner": S, "secret": LOCAL_REF}),
        "pg_basebackup": obj({"source": S, "database": S, "owner": S, "secret": LOCAL_REF}),
    }),
    "externalClusters": {"type": "array", "items": obj({
        "name": {"type": "string", "minLength": 1},
        "connectionParameters": STRMAP,
        "sslCert": SECRET_KEY, "sslKey": SECRET_KEY, "sslRootCert": SECRET_KEY,
        "password": SECRET_KEY,
        "barmanObjectStore": BARMAN,
        "plugin": PLUGIN}, required=("name",))},
    "replica": ANYOBJ,
    "postgresql": obj({
        "parameters": STRMAP,
        "pg_hba": {"type": "array", "items": S},
        "pg_ident": {"type": "array", "items": S},
        "shared_preload_libraries": {"type": "array", "items": S},
        "ldap": ANYOBJ, "promotionTimeout": I, "syncReplicaElectionConstraint": ANYOBJ,
        "synchronous": obj({"method": {"type": "string", "enum": ["any", "first"]},
                            "number": {"type": "integer", "minimum": 1},
                            "maxStandbyNamesFromCluster": I,
                            "standbyNamesPre": {"type": "array", "items": S},
                            "standbyNamesPost": {"type": "array", "items": S},
                            "dataDurability": {"type": "string", "enum": ["required", "preferred"]},
                            "failoverQuorum": B}, required=("method", "number")),
        "enableAlterSystem": B, "extensions": {"type": "array"}}),
    "replicationSlots": obj({
        "highAvailability": obj({"enabled": B, "slotPrefix": S, "synchronizeLogicalDecoding": B}),
        "updateInterval": I,
        "synchronizeReplicas": ANYOBJ}),
    "storage": STORAGE,
    "walStorage": STORAGE,
    "tablespaces": {"type": "array"},
    "ephemeralVolumeSource": ANYOBJ, "ephemeralVolumesSizeLimit": ANYOBJ,
    "resources": RESOURCES,
    "affinity": obj({
        "enablePodAntiAffinity": B, "topologyKey": S,
        "podAntiAffinityType": {"type": "string", "enum": ["preferred", "required"]},
        "nodeSelector": STRMAP, "nodeAffinity": ANYOBJ, "tolerations": {"type": "array"},
        "additionalPodAntiAffinity": ANYOBJ, "additionalPodAffinity": ANYOBJ}),
    "topologySpreadConstraints": {"type": "array"},
    "startDelay": I, "stopDelay": I, "smartShutdownTimeout": I,
    "switchoverDelay": I, "failoverDelay": I, "livenessProbeTimeout": I,
    "probes": ANYOBJ,
    "nodeMaintenanceWindow": obj({"inProgress": B, "reusePVC": B}),
    "monitoring": obj({"enablePodMonitor": B, "customQueriesConfigMap": {"type": "array"},
                       "customQueriesSecret": {"type": "array"},
                       "disableDefaultQueries": B, "podMonitorMetricRelabelings": {"type": "array"},
                       "podMonitorRelabelings": {"type": "array"}, "tls": ANYOBJ}),
    # The in-tree barman-cloud support (deprecated since 1.26, replaced by
    # the plugin): accepted so the schema matches older manifests.
    "backup": obj({"retentionPolicy": {"type": "string", "pattern": "^[1-9][0-9]*[dwm]$"},
                   "target": {"type": "string", "enum": ["primary", "prefer-standby"]},
                   "barmanObjectStore": BARMAN, "volumeSnapshot": ANYOBJ}),
    "plugins": {"type": "array", "items": PLUGIN},
    "managed": ANYOBJ,
    "env": {"type": "array"}, "envFrom": {"type": "array"},
    "logLevel": {"type": "string", "enum": ["error", "warning", "info", "debug", "trace"]},
    "projectedVolumeTemplate": ANYOBJ,
    "seccompProfile": ANYOBJ,
    "serviceAccountTemplate": ANYOBJ,
    "podSecurityContext": ANYOBJ, "securityContext": ANYOBJ,
}, required=("instances",))


def resource(api, kind, spec, title):
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": ("Hand-written from the CloudNativePG and Barman Cloud plugin API "
                        "reference: the fields deploy/k8s uses and their known siblings, "
                        "closed (additionalProperties false) where a typo would otherwise "
                        "be ignored by the operator. Not the full CRD: sections iiz does "
                        "not use are accepted as any object."),
        "type": "object",
        "required": ["apiVersion", "kind", "metadata", "spec"],
        "additionalProperties": False,
        "properties": {
            "apiVersion": {"const": api},
            "kind": {"const": kind},
            "metadata": METADATA,
            "spec": spec,
        },
    }


schemas = {
    "cluster-postgresql-v1.json": resource("postgresql.cnpg.io/v1", "Cluster", cluster_spec,
                                           "CloudNativePG Cluster (postgresql.cnpg.io/v1)"),
    "scheduledbackup-postgresql-v1.json": resource("postgresql.cnpg.io/v1", "ScheduledBackup", obj({
        "schedule": {"type": "string", "pattern": r"^(\S+\s+){5}\S+$",
                     "description": "six fields: seconds first (robfig/cron)"},
        "cluster": LOCAL_REF,
        "immediate": B, "suspend": B,
        "backupOwnerReference": {"type": "string", "enum": ["none", "self", "cluster"]},
        "method": {"type": "string", "enum": ["barmanObjectStore", "volumeSnapshot", "plugin"]},
        "pluginConfiguration": obj({"name": S, "parameters": STRMAP}, required=("name",)),
        "target": {"type": "string", "enum": ["primary", "prefer-standby"]},
        "online": B,
        "onlineConfiguration": obj({"immediateCheckpoint": B, "waitForArchive": B}),
    }, required=("cluster", "schedule")), "CloudNativePG ScheduledBackup (postgresql.cnpg.io/v1)"),
    "objectstore-barmancloud-v1.json": resource("barmancloud.cnpg.io/v1", "ObjectStore", obj({
        "configuration": BARMAN,
        "retentionPolicy": {"type": "string", "pattern": "^[1-9][0-9]*[dwm]$"},
        "instanceSidecarConfiguration": obj({"env": {"type": "array"},
                                             "retentionPolicyIntervalSeconds": I,
                                             "resources": RESOURCES,
                                             "logLevel": S}),
    }, required=("configuration",)), "Barman Cloud plugin ObjectStore (barmancloud.cnpg.io/v1)"),
}
# The plugin refuses serverName in the ObjectStore (it belongs in the
# Cluster's plugin parameters).
schemas["objectstore-barmancloud-v1.json"]["properties"]["spec"]["properties"]["configuration"] = dict(
    BARMAN, **{"not": {"required": ["serverName"]}})


def render():
    """File name -> the JSON text that belongs in this directory."""
    return {name: json.dumps(schema, indent=2) + "\n" for name, schema in schemas.items()}


if __name__ == "__main__":
    for name, text in render().items():
        with open(os.path.join(out, name), "w") as f:
            f.write(text)

