{{/* The prefix of every name: "<release>-ground-game", or the release alone if it names the chart. */}}
{{- define "ground-game.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* An application's name in the cluster (Deployment, Service, ...). Takes (dict "root" $ "name" "gateway"). */}}
{{- define "ground-game.appName" -}}
{{- printf "%s-%s" (include "ground-game.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "ground-game.chartLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: ground-game
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
{{- end -}}

{{/* Selects an application's pods. Takes (dict "root" $ "name" "gateway"). */}}
{{- define "ground-game.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "ground-game.labels" -}}
{{ include "ground-game.chartLabels" .root }}
{{ include "ground-game.selectorLabels" . }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* Selects every pod of the release. */}}
{{- define "ground-game.releaseSelector" -}}
app.kubernetes.io/part-of: ground-game
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* An application's address inside the cluster. Takes (dict "root" $ "name" "identity-service"). */}}
{{- define "ground-game.url" -}}
{{- $svc := index .root.Values.services .name -}}
{{- printf "http://%s:%v" (include "ground-game.appName" .) $svc.port -}}
{{- end -}}

{{- define "ground-game.kafkaName" -}}
{{- .Values.strimzi.clusterName | default (printf "%s-kafka" (include "ground-game.fullname" .)) -}}
{{- end -}}

{{- define "ground-game.mongodbName" -}}
{{- .Values.mongodbCommunity.name | default (printf "%s-mongodb" (include "ground-game.fullname" .)) -}}
{{- end -}}

{{- define "ground-game.kafkaBootstrapServers" -}}
{{- if .Values.strimzi.enabled -}}
{{- printf "%s-kafka-bootstrap:9092" (include "ground-game.kafkaName" .) -}}
{{- else -}}
{{- required "kafka.bootstrapServers is required" .Values.kafka.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{/* The Secret the operator writes an application's connection string to. Takes (dict "root" $ "name" ...). */}}
{{- define "ground-game.mongodbConnectionSecret" -}}
{{- printf "%s-%s" (include "ground-game.mongodbName" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* An environment variable from a Secret: (dict "env" NAME "secret" SECRET "key" KEY "optional" BOOL). */}}
{{- define "ground-game.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end -}}

{{- define "ground-game.issuerUri" -}}
{{- .Values.oauth2.issuerUri | default .Values.publicUrl -}}
{{- end -}}

{{- define "ground-game.jwkSetUri" -}}
{{- .Values.oauth2.jwkSetUri | default (printf "%s/oauth2/jwks" (include "ground-game.url" (dict "root" . "name" "identity-service"))) -}}
{{- end -}}

{{/* What every application sets: where it listens and how it logs. Takes (dict "root" $ "name" ... "svc" ...). */}}
{{- define "ground-game.env.common" -}}
- name: SERVER_ADDRESS
  value: 0.0.0.0
- name: SERVER_PORT
  value: {{ .svc.port | quote }}
- name: LOGGING_STRUCTURED_FORMAT_CONSOLE
  value: ecs
{{- end -}}

{{- define "ground-game.env.tokenTrust" -}}
- name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI
  value: {{ include "ground-game.issuerUri" .root | quote }}
- name: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI
  value: {{ include "ground-game.jwkSetUri" .root | quote }}
{{- end -}}

{{- define "ground-game.env.mongodb" -}}
{{- if .root.Values.mongodbCommunity.enabled }}
{{ include "ground-game.secretEnv" (dict "env" "SPRING_MONGODB_URI" "secret" (include "ground-game.mongodbConnectionSecret" .) "key" "connectionString.standard") }}
{{- else }}
{{ include "ground-game.secretEnv" (dict "env" "SPRING_MONGODB_URI" "secret" (required "mongodb.existingSecret is required" .root.Values.mongodb.existingSecret) "key" .root.Values.mongodb.uriKey) }}
{{- end }}
- name: SPRING_MONGODB_DATABASE
  value: {{ required (printf "services.%s.database is required" .name) .svc.database | quote }}
{{- end -}}

{{/* What the five services share: the broker, the store, the key-encryption key, the token trust. */}}
{{- define "ground-game.env.service" -}}
{{- $secrets := .root.Values.secrets -}}
- name: SPRING_KAFKA_BOOTSTRAP_SERVERS
  value: {{ include "ground-game.kafkaBootstrapServers" .root | quote }}
{{- include "ground-game.env.mongodb" . }}
{{ include "ground-game.secretEnv" (dict "env" "GROUNDGAME_SECRETS_KEK" "secret" (required "secrets.existingSecret is required" $secrets.existingSecret) "key" $secrets.keys.kek) }}
{{ include "ground-game.secretEnv" (dict "env" "GROUNDGAME_SECRETS_PREVIOUSKEKS" "secret" $secrets.existingSecret "key" $secrets.keys.previousKeks "optional" true) }}
{{ include "ground-game.env.tokenTrust" . }}
{{- end -}}

{{- define "ground-game.env.smtp" -}}
{{- $smtp := .root.Values.smtp -}}
{{- if $smtp.host }}
- name: SPRING_MAIL_HOST
  value: {{ $smtp.host | quote }}
- name: SPRING_MAIL_PORT
  value: {{ $smtp.port | quote }}
{{- if $smtp.existingSecret }}
{{ include "ground-game.secretEnv" (dict "env" "SPRING_MAIL_USERNAME" "secret" $smtp.existingSecret "key" $smtp.usernameKey) }}
{{ include "ground-game.secretEnv" (dict "env" "SPRING_MAIL_PASSWORD" "secret" $smtp.existingSecret "key" $smtp.passwordKey) }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "ground-game.env.gateway" -}}
{{- $root := .root -}}
{{- range $env, $name := dict "ENDORSEMENT" "endorsement-service" "VOLUNTEER" "volunteer-service" "CAMPAIGNTRAINING" "campaign-training-service" "NOTIFICATION" "notification-service" "IDENTITY" "identity-service" "WEB" "web" }}
- name: GROUNDGAME_GATEWAY_SERVICES_{{ $env }}
  value: {{ include "ground-game.url" (dict "root" $root "name" $name) | quote }}
{{- end }}
{{- include "ground-game.env.mongodb" . }}
{{- if $root.Values.cors.allowedOrigins }}
- name: GROUNDGAME_GATEWAY_CORS_ALLOWEDORIGINS
  value: {{ $root.Values.cors.allowedOrigins | quote }}
{{- end }}
{{ include "ground-game.env.tokenTrust" . }}
{{- end -}}

{{- define "ground-game.env.web" -}}
{{- $root := .root -}}
{{- range $env, $name := dict "ENDORSEMENT" "endorsement-service" "VOLUNTEER" "volunteer-service" "CAMPAIGNTRAINING" "campaign-training-service" "NOTIFICATION" "notification-service" }}
- name: GROUNDGAME_WEB_SERVICES_{{ $env }}
  value: {{ include "ground-game.url" (dict "root" $root "name" $name) | quote }}
{{- end }}
{{- include "ground-game.env.mongodb" . }}
- name: GROUNDGAME_WEB_CONSOLE_ISSUER
  value: {{ include "ground-game.issuerUri" $root | quote }}
- name: GROUNDGAME_WEB_CONSOLE_IDENTITY
  value: {{ include "ground-game.url" (dict "root" $root "name" "identity-service") | quote }}
{{ include "ground-game.secretEnv" (dict "env" "GROUNDGAME_WEB_CONSOLE_CLIENTSECRET" "secret" $root.Values.secrets.existingSecret "key" $root.Values.secrets.keys.consoleClientSecret) }}
{{ include "ground-game.secretEnv" (dict "env" "GROUNDGAME_WEB_CONSOLE_SESSIONS_KEY" "secret" $root.Values.secrets.existingSecret "key" $root.Values.secrets.keys.consoleSessionKey) }}
{{ include "ground-game.secretEnv" (dict "env" "GROUNDGAME_WEB_CONSOLE_SESSIONS_PREVIOUSKEYS" "secret" $root.Values.secrets.existingSecret "key" $root.Values.secrets.keys.previousConsoleSessionKeys "optional" true) }}
{{- end -}}

{{- define "ground-game.env.identity-service" -}}
{{- $root := .root -}}
{{- $secrets := $root.Values.secrets -}}
{{ include "ground-game.env.service" . }}
- name: SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER
  value: {{ $root.Values.publicUrl | quote }}
- name: GROUNDGAME_IDENTITY_WEBCLIENT_REDIRECTURIS
  value: {{ printf "%s/swagger-ui/oauth2-redirect.html" $root.Values.publicUrl | quote }}
- name: GROUNDGAME_IDENTITY_CLIENTS_0_CLIENTID
  value: {{ $root.Values.staffClient.id | quote }}
- name: GROUNDGAME_IDENTITY_CLIENTS_0_NAME
  value: {{ $root.Values.staffClient.name | quote }}
- name: GROUNDGAME_IDENTITY_CLIENTS_0_ROLE
  value: STAFF
{{ include "ground-game.secretEnv" (dict "env" "GROUNDGAME_IDENTITY_CLIENTS_0_SECRET" "secret" $secrets.existingSecret "key" $secrets.keys.staffClientSecret) }}
{{ include "ground-game.secretEnv" (dict "env" "GROUNDGAME_IDENTITY_CONSOLECLIENT_SECRET" "secret" $secrets.existingSecret "key" $secrets.keys.consoleClientSecret) }}
- name: GROUNDGAME_IDENTITY_CONSOLECLIENT_REDIRECTURIS
  value: {{ printf "%s/console/login/oauth2/code/console" $root.Values.publicUrl | quote }}
- name: GROUNDGAME_IDENTITY_CONSOLECLIENT_POSTLOGOUTREDIRECTURIS
  value: {{ printf "%s/console/signed-out" $root.Values.publicUrl | quote }}
{{- include "ground-game.env.smtp" . }}
{{- end -}}

{{- define "ground-game.env.endorsement-service" -}}
{{ include "ground-game.env.service" . }}
- name: GROUNDGAME_ENDORSEMENT_QUESTIONNAIRE_PUBLICURL
  value: {{ .root.Values.publicUrl | quote }}
{{- end -}}

{{- define "ground-game.env.volunteer-service" -}}
{{- $secrets := .root.Values.secrets -}}
{{ include "ground-game.env.service" . }}
{{ include "ground-game.secretEnv" (dict "env" "GROUNDGAME_VOLUNTEER_CALENDAR_SECRET" "secret" $secrets.existingSecret "key" $secrets.keys.calendarFeed) }}
- name: GROUNDGAME_VOLUNTEER_LINKS_PUBLICURL
  value: {{ .root.Values.publicUrl | quote }}
{{- end -}}

{{- define "ground-game.env.campaign-training-service" -}}
{{ include "ground-game.env.service" . }}
- name: GROUNDGAME_TRAINING_OFFERS_PUBLICURL
  value: {{ .root.Values.publicUrl | quote }}
{{- end -}}

{{- define "ground-game.env.notification-service" -}}
{{- $root := .root -}}
{{- $secrets := $root.Values.secrets -}}
{{ include "ground-game.env.service" . }}
- name: GROUNDGAME_NOTIFICATION_PREFERENCES_PUBLICURL
  value: {{ $root.Values.publicUrl | quote }}
- name: GROUNDGAME_NOTIFICATION_EMAIL_FROM
  value: {{ $root.Values.smtp.from | quote }}
- name: GROUNDGAME_NOTIFICATION_EMAIL_REPLYTO
  value: {{ $root.Values.smtp.replyTo | quote }}
{{ include "ground-game.secretEnv" (dict "env" "GROUNDGAME_NOTIFICATION_WEBHOOKS_ENCRYPTION_PASSWORD" "secret" $secrets.existingSecret "key" $secrets.keys.webhookSecretsPassword "optional" true) }}
{{ include "ground-game.secretEnv" (dict "env" "GROUNDGAME_NOTIFICATION_WEBHOOKS_ENCRYPTION_SALT" "secret" $secrets.existingSecret "key" $secrets.keys.webhookSecretsSalt "optional" true) }}
{{- include "ground-game.env.smtp" . }}
{{- end -}}
