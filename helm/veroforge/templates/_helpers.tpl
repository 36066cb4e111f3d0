{{/*
Chart name, overridable with nameOverride.
*/}}
{{- define "veroforge.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release: used for the operator's Deployment, Service, ConfigMap, Secret,
ServiceAccount and its ClusterRole/ClusterRoleBinding (cluster-scoped, so they carry the
release name to stay unique).
*/}}
{{- define "veroforge.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Name of the operator's own objects.
*/}}
{{- define "veroforge.operator.fullname" -}}
{{- printf "%s-operator" (include "veroforge.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "veroforge.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object.
*/}}
{{- define "veroforge.labels" -}}
helm.sh/chart: {{ include "veroforge.chart" . }}
{{ include "veroforge.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: veroforge
{{- end }}

{{/*
Labels selecting the operator pods.
*/}}
{{- define "veroforge.selectorLabels" -}}
app.kubernetes.io/name: {{ include "veroforge.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end }}

{{/*
ServiceAccount the operator runs as.
*/}}
{{- define "veroforge.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "veroforge.operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Secret holding the shared PostgreSQL connection: the existing one, or the one the chart creates.
*/}}
{{- define "veroforge.postgresSecretName" -}}
{{- if .Values.postgres.existingSecret }}
{{- .Values.postgres.existingSecret }}
{{- else }}
{{- printf "%s-postgres" (include "veroforge.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Operator image reference; the tag defaults to the chart's appVersion.
*/}}
{{- define "veroforge.operator.image" -}}
{{- printf "%s:%s" .Values.operator.image.repository (default .Chart.AppVersion .Values.operator.image.tag) }}
{{- end }}

{{/*
The ClusterRole tenant owners get in their namespace. The operator creates RoleBindings to it
by this exact name, so it is fixed (one VeroForge installation per cluster).
*/}}
{{- define "veroforge.tenantAdminRole" -}}
veroforge-tenant-admin
{{- end }}

{{/*
Name of the Git Service and of the claim holding the repositories; with the release name
"veroforge" the Service is veroforge-git, the operator's built-in default.
*/}}
{{- define "veroforge.git.fullname" -}}
{{- printf "%s-git" (include "veroforge.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
URL ArgoCD, kaniko and people clone app repositories from: git.publicUrl, or the Service.
*/}}
{{- define "veroforge.git.publicUrl" -}}
{{- if .Values.git.publicUrl }}
{{- .Values.git.publicUrl }}
{{- else }}
{{- printf "http://%s.%s.svc:%v" (include "veroforge.git.fullname" .) .Release.Namespace .Values.git.service.port }}
{{- end }}
{{- end }}

{{/*
Where the repositories are inside the operator container (the volume's mount path).
*/}}
{{- define "veroforge.git.root" -}}
/var/lib/veroforge/git
{{- end }}

{{/*
Access mode of the Git claim: as set, else ReadWriteMany for more than one replica.
*/}}
{{- define "veroforge.git.accessMode" -}}
{{- if .Values.git.persistence.accessMode -}}
{{ .Values.git.persistence.accessMode }}
{{- else if gt (int .Values.operator.replicas) 1 -}}
ReadWriteMany
{{- else -}}
ReadWriteOnce
{{- end -}}
{{- end }}
