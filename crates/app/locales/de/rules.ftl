# Regeln des Umsetzungskonzepts IIZ 3.0, die eine Ablehnung anwendet.
# Jede Regel nennt ihre Quelle: { $source }.
rule-body-decides-as-body = STG und EKG entscheiden als Gremium, in ihren Sitzungen oder auf dem Zirkularweg; kein einzelnes Mitglied entscheidet für das Gremium ({ $source }).
rule-only-voting-members-decide = Nur stimmberechtigte Mitglieder entscheiden; Gäste, wie die/der Vorsitzende des EKG und die Fachstellenleitung im STG, nehmen ohne Stimmrecht teil ({ $source }).
rule-circular-resolution-rules = Ein Zirkularbeschluss gilt nur nach den Regeln, die das Gremium dafür festgelegt hat ({ $source }).
rule-requests-via-fachstelle = Anliegen oder Anträge an das STG werden via die Fachstelle eingereicht ({ $source }).
rule-stg-considers-ekg-assessment = Das STG kann Anliegen an das EKG richten und berücksichtigt bei seinen Entscheiden dessen Einschätzung ({ $source }).
rule-stg-decision-effects = Das STG initiiert Projekte, mandatiert Arbeitsgruppen und definiert zusätzliche Handlungsfelder ({ $source }).
rule-working-group-mandate = Arbeitsgruppen arbeiten im Auftrag des STG oder des EKG, gemäss ihrem Mandat ({ $source }).
rule-networks-by-cantons = Die Kantone bilden regionale IIZ-Netzwerke und delegieren pro Netzwerk eine IIZ-Koordinatorin oder einen Koordinator ins EKG ({ $source }).
rule-stg-chair-rotation = Der Vorsitz des STG wechselt alle zwei Jahre zwischen den vier beteiligten Bundesämtern (BSV, SBFI, SECO, SEM) ({ $source }).
rule-ekg-chair-every-two-years = Der Vorsitz des EKG wechselt analog zum STG alle zwei Jahre; das EKG regelt den Vorsitz selbst ({ $source }).
rule-ekg-deputy-area = Gibt es beim Vorsitz des EKG keine Analogie zum Vorsitz im STG, kommt die Stellvertretung aus dem gleichen Bereich wie der Vorsitz im STG ({ $source }).
rule-work-programme-by-stg = Das STG verabschiedet das zweijährige Arbeitsprogramm zum Vorsitzwechsel und legt Schwerpunkte und Handlungsfelder fest ({ $source }).
rule-project-results-by-stg = Das STG überwacht die Meilensteine und nimmt Projektergebnisse ab ({ $source }).
source-body-rules = Regeln des Gremiums
