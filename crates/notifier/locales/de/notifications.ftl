## Benachrichtigungen der IIZ-Plattform (Deutsch).
## Daten im Schweizer Format (TT.MM.JJJJ); $link ist die volle Adresse.

## Bezeichnungen

stg-outcome = { $value ->
    [recommendation] Empfehlung
    [project] Projekt
    [working_group] Arbeitsgruppe
    [new_action_field] neues Handlungsfeld
   *[declined] Ablehnung
}
ekg-outcome = { $value ->
    [handle_in_ekg] Behandlung in der EKG
    [give_to_working_group] Übergabe an eine Arbeitsgruppe
    [propose_to_stg] Antrag an das STG ({ $proposal })
   *[close_with_answer] Abschluss mit Antwort
}
return-reason = { $value ->
    [not_iiz_relevant] nicht IIZ-relevant
    [cantonal_matter] kantonale Angelegenheit
   *[needs_information] weitere Angaben nötig
}
acceptance = { $value ->
    [accepted] angenommen
    [partly_accepted] teilweise angenommen
    [not_accepted] nicht angenommen
   *[not_relevant] nicht relevant
}
implementation-status = { $value ->
    [not_started] nicht begonnen
    [planned] geplant
    [in_progress] in Umsetzung
    [implemented] umgesetzt
   *[not_implemented] nicht umgesetzt
}

## Anliegen

concern_submitted-title = Neues Anliegen: { $concern }
concern_submitted-body = { $origin } hat das Anliegen «{ $concern }» auf nationaler Ebene eingereicht. { $channel ->
    [direct_to_ekg] Es geht direkt an die EKG.
   *[via_fachstelle] Es wartet auf die Triage durch die Fachstelle.
}
concern_submitted-subject = IIZ: Neues Anliegen von { $origin } – { $concern }

concern_triaged-title = { $step ->
    [accepted] Anliegen angenommen: { $concern }
    [returned] Anliegen zurückgegeben: { $concern }
    [brought_to_stg] Anliegen direkt ans STG: { $concern }
   *[merged] Anliegen zusammengeführt: { $concern }
}
concern_triaged-body = { $step ->
    [accepted] Die Fachstelle hat das Anliegen «{ $concern }» angenommen und an die EKG weitergeleitet.
    [returned] Die Fachstelle hat das Anliegen «{ $concern }» zurückgegeben. Grund: { $reason }.
    [brought_to_stg] Die Fachstelle hat das Anliegen «{ $concern }» direkt dem STG vorgelegt. Begründung: { $reason }.
   *[merged] Die Fachstelle hat das Anliegen «{ $concern }» mit dem ähnlichen Anliegen «{ $target }» zusammengeführt. Es wird dort weiterbehandelt.
}
concern_triaged-subject = { $step ->
    [accepted] IIZ: Die Fachstelle hat «{ $concern }» angenommen
    [returned] IIZ: Die Fachstelle hat «{ $concern }» zurückgegeben
    [brought_to_stg] IIZ: Die Fachstelle legt «{ $concern }» dem STG vor
   *[merged] IIZ: «{ $concern }» wurde zusammengeführt
}

concern_examined-title = { $step ->
    [assessed] Einschätzung der EKG ans STG: { $concern }
   *[examined] Die EKG hat entschieden: { $concern }
}
concern_examined-body = { $step ->
    [assessed] Die EKG hat dem STG ihre Einschätzung zum Anliegen «{ $concern }» gegeben; nun entscheidet das STG.
   *[examined] Die EKG hat das Anliegen «{ $concern }» geprüft. Ergebnis: { $outcome }.
}
concern_examined-subject = { $step ->
    [assessed] IIZ: Einschätzung der EKG zu «{ $concern }»
   *[examined] IIZ: Entscheid der EKG zu «{ $concern }»
}

concern_decided-title = { $step ->
    [referred] Das STG fragt die EKG: { $concern }
   *[decided] Das STG hat entschieden: { $concern }
}
concern_decided-body = { $step ->
    [referred] Das STG hat das Anliegen «{ $concern }» mit einer Frage an die EKG gerichtet und entscheidet nach deren Einschätzung.
   *[decided] Das STG hat über das Anliegen «{ $concern }» entschieden. Ergebnis: { $outcome }.
}
concern_decided-subject = { $step ->
    [referred] IIZ: Das STG richtet «{ $concern }» an die EKG
   *[decided] IIZ: Entscheid des STG zu «{ $concern }»
}

concern_answered-title = Antwort auf das Anliegen: { $concern }
concern_answered-body = Das Anliegen «{ $concern }» ist beantwortet. Die offizielle Antwort finden Sie auf der Plattform.
concern_answered-subject = IIZ: Antwort auf das Anliegen «{ $concern }»

concern_outcome-title = { $step ->
    [adopted] Empfehlung verabschiedet: { $recommendation }
    [published] Empfehlung veröffentlicht: { $recommendation }
    [amended] Empfehlung geändert: { $recommendation }
    [closed] Empfehlung abgeschlossen: { $recommendation }
    [answered] { $addressee } hat geantwortet: { $recommendation }
   *[reported] { $addressee } hat berichtet: { $recommendation }
}
concern_outcome-body = { $step ->
    [adopted] Das STG hat die Empfehlung «{ $recommendation }» verabschiedet. Sie beruht auf einem Anliegen, das Sie eingereicht oder unterstützt haben.
    [published] Die Empfehlung «{ $recommendation }», die auf einem Ihrer Anliegen beruht, ist veröffentlicht.
    [amended] Die Empfehlung «{ $recommendation }», die auf einem Ihrer Anliegen beruht, wurde geändert (Version { $version }).
    [closed] Die Empfehlung «{ $recommendation }», die auf einem Ihrer Anliegen beruht, ist abgeschlossen.
    [answered] { $addressee } hat auf die Empfehlung «{ $recommendation }» geantwortet: { $acceptance }.
   *[reported] { $addressee } hat über die Umsetzung der Empfehlung «{ $recommendation }» berichtet. Stand: { $status }.
}
concern_outcome-subject = { $step ->
    [adopted] IIZ: Ihr Anliegen führt zur Empfehlung «{ $recommendation }»
    [published] IIZ: Empfehlung «{ $recommendation }» veröffentlicht
    [amended] IIZ: Empfehlung «{ $recommendation }» geändert
    [closed] IIZ: Empfehlung «{ $recommendation }» abgeschlossen
    [answered] IIZ: Antwort von { $addressee } zu «{ $recommendation }»
   *[reported] IIZ: Umsetzungsbericht von { $addressee } zu «{ $recommendation }»
}

## Empfehlungen

recommendation_published-title = { $step ->
    [amended] Empfehlung geändert: { $recommendation }
   *[published] Neue Empfehlung: { $recommendation }
}
recommendation_published-body = { $step ->
    [amended] Die Empfehlung «{ $recommendation }» an { $addressee } wurde geändert (Version { $version }). Bitte prüfen Sie die Änderungen.
   *[published] Das STG hat die Empfehlung «{ $recommendation }» an { $addressee } veröffentlicht. Die Antwort ist fällig am { $due }.
}
recommendation_published-subject = { $step ->
    [amended] IIZ: Empfehlung «{ $recommendation }» geändert
   *[published] IIZ: Neue Empfehlung an { $addressee } – { $recommendation }
}

due_reminder-title = { $threshold ->
    [overdue] Überfällig: { $what ->
        [answer] Antwort
       *[report] Umsetzungsbericht
    } zu «{ $recommendation }»
   *[soon] Fällig am { $due }: { $what ->
        [answer] Antwort
       *[report] Umsetzungsbericht
    } zu «{ $recommendation }»
}
due_reminder-body = { $threshold ->
    [overdue] { $what ->
        [answer] Die Antwort
       *[report] Der Umsetzungsbericht
    } von { $addressee } zur Empfehlung «{ $recommendation }» war am { $due } fällig und steht noch aus.
   *[soon] { $what ->
        [answer] Die Antwort
       *[report] Der Umsetzungsbericht
    } von { $addressee } zur Empfehlung «{ $recommendation }» ist am { $due } fällig, { $days ->
        [0] also heute
        [one] also morgen
       *[other] in { $days } Tagen
    }.
}
due_reminder-subject = { $threshold ->
    [overdue] IIZ: Überfällig – { $recommendation }
   *[soon] IIZ: Fällig am { $due } – { $recommendation }
}

overdue_escalation-title = Seit { $days } Tagen überfällig: { $addressee } – { $recommendation }
overdue_escalation-body = { $what ->
    [answer] Die Antwort
   *[report] Der Umsetzungsbericht
} von { $addressee } zur Empfehlung «{ $recommendation }» war am { $due } fällig und ist seit { $days } Tagen überfällig.
overdue_escalation-subject = IIZ: { $addressee } seit { $days } Tagen im Verzug – { $recommendation }

## Sitzungen

agenda-title = { $step ->
    [item_added] Traktandiert: { $item }
    [sent] Traktandenliste: { $meeting }
    [revised] Traktandenliste geändert: { $meeting }
    [rescheduled] Sitzung verschoben: { $meeting }
   *[cancelled] Sitzung abgesagt: { $meeting }
}
agenda-body = { $step ->
    [item_added] «{ $item }» steht auf der Traktandenliste der Sitzung «{ $meeting }» ({ $body }) vom { $date } um { $time } Uhr.
    [sent] Die Traktandenliste der Sitzung «{ $meeting }» ({ $body }) vom { $date } um { $time } Uhr ist versandt. Die Einladung liegt bei.
    [revised] Die Traktandenliste der Sitzung «{ $meeting }» ({ $body }) vom { $date } um { $time } Uhr wurde überarbeitet (Version { $version }). Die aktualisierte Einladung liegt bei.
    [rescheduled] Die Sitzung «{ $meeting }» ({ $body }) findet neu am { $date } um { $time } Uhr statt. Grund: { $reason }
   *[cancelled] Die Sitzung «{ $meeting }» ({ $body }) vom { $date } ist abgesagt. Grund: { $reason }
}
agenda-subject = { $step ->
    [item_added] IIZ: Neu traktandiert für { $body } am { $date } – { $item }
    [sent] IIZ: Einladung { $body }, { $date } – { $meeting }
    [revised] IIZ: Geänderte Traktandenliste { $body }, { $date } – { $meeting }
    [rescheduled] IIZ: Sitzung verschoben auf { $date } – { $meeting }
   *[cancelled] IIZ: Sitzung abgesagt – { $meeting }
}

minutes_approved-title = Protokoll genehmigt: { $meeting }
minutes_approved-body = Das Protokoll der Sitzung «{ $meeting }» ({ $body }) vom { $date } ist genehmigt.
minutes_approved-subject = IIZ: Protokoll genehmigt – { $meeting }

## Zirkularbeschlüsse

resolution_awaiting_answer-title = Zirkularbeschluss: { $resolution }
resolution_awaiting_answer-body = { $body } beschliesst auf dem Zirkularweg über «{ $resolution }» ({ $label }). Ihre Antwort (Ja, Nein oder Enthaltung) wird bis am { $date } um { $time } erwartet.
resolution_awaiting_answer-subject = IIZ: Zirkularbeschluss bis { $date } – { $resolution }

resolution_outcome-title = { $step ->
    [carried] Zirkularbeschluss angenommen: { $resolution }
   *[not_carried] Zirkularbeschluss nicht zustande gekommen: { $resolution }
}
resolution_outcome-body = { $step ->
    [carried] Der Zirkularbeschluss «{ $resolution }» ({ $label }) von { $body } ist angenommen.
   *[not_carried] Der Zirkularbeschluss «{ $resolution }» ({ $label }) von { $body } ist nicht zustande gekommen: { $reason }
}
resolution_outcome-subject = { $step ->
    [carried] IIZ: Zirkularbeschluss angenommen – { $label }
   *[not_carried] IIZ: Zirkularbeschluss nicht zustande gekommen – { $label }
}
network_changed-title = { $step ->
    [formed] Regionales Netzwerk gebildet: { $network }
   *[delegated] Netzwerk delegiert ins EKG: { $network }
}
network_changed-body = { $step ->
    [formed] Die Kantone { $cantons } haben das regionale IIZ-Netzwerk «{ $network }» gebildet.
   *[delegated] Das Netzwerk «{ $network }» ({ $cantons }) delegiert ab { $date } { $coordinator } ins EKG.
}
network_changed-subject = IIZ: { $step ->
    [formed] Netzwerk gebildet
   *[delegated] Delegation ins EKG
} – { $network }


## Sicherheit

signin_locked-title = Anmeldung gesperrt: { $person }
signin_locked-body = Nach zu vielen Anmeldeversuchen ist die Anmeldung von { $person } bis { $until } Uhr gesperrt. Waren das nicht Sie, ändern Sie nach der Sperre Ihr Passwort; Ihre Mandantenadministration ist informiert.
signin_locked-subject = IIZ: Anmeldung gesperrt – { $person }

## E-Mail

email-link = Auf der Plattform: { $link }
email-footer = Diese Nachricht kommt von der IIZ-Plattform. Wie und wann Sie benachrichtigt werden, stellen Sie in Ihrem Profil ein.

digest-subject = IIZ: { $count ->
    [one] eine Mitteilung
   *[other] { $count } Mitteilungen
} vom { $date }
digest-intro = Guten Tag { $name }

    Hier ist Ihre tägliche Zusammenfassung der IIZ-Plattform vom { $date } mit { $count ->
        [one] einer Mitteilung
       *[other] { $count } Mitteilungen
    }.

invitation-agenda = Traktanden
invitation-none = (noch keine)
invitation-online = Online
