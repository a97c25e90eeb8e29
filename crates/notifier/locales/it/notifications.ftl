## Notifiche della piattaforma CII (italiano).
## Date nel formato svizzero (GG.MM.AAAA); $link è l'indirizzo completo.

## Denominazioni

stg-outcome = { $value ->
    [recommendation] raccomandazione
    [project] progetto
    [working_group] gruppo di lavoro
    [new_action_field] nuovo campo d'azione
   *[declined] rifiuto
}
ekg-outcome = { $value ->
    [handle_in_ekg] trattazione nell'EKG
    [give_to_working_group] affidamento a un gruppo di lavoro
    [propose_to_stg] proposta al Comitato di direzione ({ $proposal })
   *[close_with_answer] chiusura con risposta
}
return-reason = { $value ->
    [not_iiz_relevant] non pertinente per la CII
    [cantonal_matter] questione cantonale
   *[needs_information] servono ulteriori informazioni
}
acceptance = { $value ->
    [accepted] accettata
    [partly_accepted] accettata in parte
    [not_accepted] non accettata
   *[not_relevant] non pertinente
}
implementation-status = { $value ->
    [not_started] non iniziata
    [planned] pianificata
    [in_progress] in corso
    [implemented] attuata
   *[not_implemented] non attuata
}

## Richieste

concern_submitted-title = Nuova richiesta: { $concern }
concern_submitted-body = { $origin } ha inoltrato la richiesta «{ $concern }» a livello nazionale. { $channel ->
    [direct_to_ekg] È indirizzata direttamente all'EKG.
   *[via_fachstelle] Attende lo smistamento da parte dell'Ufficio nazionale CII.
}
concern_submitted-subject = CII: nuova richiesta da { $origin } – { $concern }

concern_triaged-title = { $step ->
    [accepted] Richiesta accolta: { $concern }
    [returned] Richiesta rinviata: { $concern }
    [brought_to_stg] Richiesta sottoposta direttamente allo STG: { $concern }
   *[merged] Richiesta accorpata: { $concern }
}
concern_triaged-body = { $step ->
    [accepted] L'Ufficio nazionale CII ha accolto la richiesta «{ $concern }» e l'ha trasmessa all'EKG.
    [returned] L'Ufficio nazionale CII ha rinviato la richiesta «{ $concern }». Motivo: { $reason }.
    [brought_to_stg] L'Ufficio nazionale CII ha sottoposto la richiesta «{ $concern }» direttamente al Comitato di direzione (STG). Motivo: { $reason }.
   *[merged] L'Ufficio nazionale CII ha accorpato la richiesta «{ $concern }» alla richiesta analoga «{ $target }», dove sarà trattata.
}
concern_triaged-subject = { $step ->
    [accepted] CII: l'Ufficio nazionale ha accolto «{ $concern }»
    [returned] CII: l'Ufficio nazionale ha rinviato «{ $concern }»
    [brought_to_stg] CII: l'Ufficio nazionale sottopone «{ $concern }» allo STG
   *[merged] CII: «{ $concern }» è stata accorpata
}

concern_examined-title = { $step ->
    [assessed] Valutazione dell'EKG allo STG: { $concern }
   *[examined] Decisione dell'EKG: { $concern }
}
concern_examined-body = { $step ->
    [assessed] L'EKG ha dato al Comitato di direzione (STG) la sua valutazione della richiesta «{ $concern }»; ora decide lo STG.
   *[examined] L'EKG ha esaminato la richiesta «{ $concern }». Esito: { $outcome }.
}
concern_examined-subject = { $step ->
    [assessed] CII: valutazione dell'EKG su «{ $concern }»
   *[examined] CII: decisione dell'EKG su «{ $concern }»
}

concern_decided-title = { $step ->
    [referred] Il Comitato di direzione consulta l'EKG: { $concern }
   *[decided] Decisione del Comitato di direzione: { $concern }
}
concern_decided-body = { $step ->
    [referred] Il Comitato di direzione (STG) ha sottoposto la richiesta «{ $concern }» all'EKG con una domanda e deciderà dopo la sua valutazione.
   *[decided] Il Comitato di direzione (STG) ha deciso sulla richiesta «{ $concern }». Esito: { $outcome }.
}
concern_decided-subject = { $step ->
    [referred] CII: il Comitato di direzione sottopone «{ $concern }» all'EKG
   *[decided] CII: decisione del Comitato di direzione su «{ $concern }»
}

concern_answered-title = Risposta alla richiesta: { $concern }
concern_answered-body = La richiesta «{ $concern }» ha ricevuto la risposta ufficiale, che trova sulla piattaforma.
concern_answered-subject = CII: risposta alla richiesta «{ $concern }»

concern_outcome-title = { $step ->
    [adopted] Raccomandazione adottata: { $recommendation }
    [published] Raccomandazione pubblicata: { $recommendation }
    [amended] Raccomandazione modificata: { $recommendation }
    [closed] Raccomandazione conclusa: { $recommendation }
    [answered] Risposta di { $addressee }: { $recommendation }
   *[reported] Rapporto di { $addressee }: { $recommendation }
}
concern_outcome-body = { $step ->
    [adopted] Il Comitato di direzione (STG) ha adottato la raccomandazione «{ $recommendation }», nata da una richiesta che Lei ha inoltrato o sostenuto.
    [published] La raccomandazione «{ $recommendation }», nata da una delle Sue richieste, è stata pubblicata.
    [amended] La raccomandazione «{ $recommendation }», nata da una delle Sue richieste, è stata modificata (versione { $version }).
    [closed] La raccomandazione «{ $recommendation }», nata da una delle Sue richieste, è stata conclusa.
    [answered] { $addressee } ha risposto alla raccomandazione «{ $recommendation }»: { $acceptance }.
   *[reported] { $addressee } ha riferito sull'attuazione della raccomandazione «{ $recommendation }». Stato: { $status }.
}
concern_outcome-subject = { $step ->
    [adopted] CII: la Sua richiesta ha portato alla raccomandazione «{ $recommendation }»
    [published] CII: raccomandazione «{ $recommendation }» pubblicata
    [amended] CII: raccomandazione «{ $recommendation }» modificata
    [closed] CII: raccomandazione «{ $recommendation }» conclusa
    [answered] CII: risposta di { $addressee } a «{ $recommendation }»
   *[reported] CII: rapporto di attuazione di { $addressee } su «{ $recommendation }»
}

## Raccomandazioni

recommendation_published-title = { $step ->
    [amended] Raccomandazione modificata: { $recommendation }
   *[published] Nuova raccomandazione: { $recommendation }
}
recommendation_published-body = { $step ->
    [amended] La raccomandazione «{ $recommendation }» indirizzata a { $addressee } è stata modificata (versione { $version }). La preghiamo di prendere visione delle modifiche.
   *[published] Il Comitato di direzione (STG) ha pubblicato la raccomandazione «{ $recommendation }» indirizzata a { $addressee }. La risposta è attesa entro il { $due }.
}
recommendation_published-subject = { $step ->
    [amended] CII: raccomandazione «{ $recommendation }» modificata
   *[published] CII: nuova raccomandazione a { $addressee } – { $recommendation }
}

due_reminder-title = { $threshold ->
    [overdue] In ritardo: { $what ->
        [answer] risposta
       *[report] rapporto di attuazione
    } su «{ $recommendation }»
   *[soon] Scadenza il { $due }: { $what ->
        [answer] risposta
       *[report] rapporto di attuazione
    } su «{ $recommendation }»
}
due_reminder-body = { $threshold ->
    [overdue] { $addressee } doveva consegnare { $what ->
        [answer] la sua risposta
       *[report] il suo rapporto di attuazione
    } sulla raccomandazione «{ $recommendation }» entro il { $due } e non l'ha ancora fatto.
   *[soon] { $addressee } deve consegnare { $what ->
        [answer] la sua risposta
       *[report] il suo rapporto di attuazione
    } sulla raccomandazione «{ $recommendation }» entro il { $due }, { $days ->
        [0] cioè oggi
        [one] cioè domani
       *[other] tra { $days } giorni
    }.
}
due_reminder-subject = { $threshold ->
    [overdue] CII: in ritardo – { $recommendation }
   *[soon] CII: scadenza il { $due } – { $recommendation }
}

overdue_escalation-title = In ritardo da { $days } giorni: { $addressee } – { $recommendation }
overdue_escalation-body = { $addressee } doveva consegnare { $what ->
    [answer] la sua risposta
   *[report] il suo rapporto di attuazione
} sulla raccomandazione «{ $recommendation }» entro il { $due }; il ritardo è di { $days } giorni.
overdue_escalation-subject = CII: { $addressee } in ritardo da { $days } giorni – { $recommendation }

## Sedute

agenda-title = { $step ->
    [item_added] All'ordine del giorno: { $item }
    [sent] Ordine del giorno: { $meeting }
    [revised] Ordine del giorno modificato: { $meeting }
    [rescheduled] Seduta spostata: { $meeting }
   *[cancelled] Seduta annullata: { $meeting }
}
agenda-body = { $step ->
    [item_added] «{ $item }» figura all'ordine del giorno della seduta «{ $meeting }» ({ $body }) del { $date } alle { $time }.
    [sent] L'ordine del giorno della seduta «{ $meeting }» ({ $body }) del { $date } alle { $time } è stato inviato. L'invito è allegato.
    [revised] L'ordine del giorno della seduta «{ $meeting }» ({ $body }) del { $date } alle { $time } è stato rivisto (versione { $version }). L'invito aggiornato è allegato.
    [rescheduled] La seduta «{ $meeting }» ({ $body }) si terrà il { $date } alle { $time }. Motivo: { $reason }
   *[cancelled] La seduta «{ $meeting }» ({ $body }) del { $date } è annullata. Motivo: { $reason }
}
agenda-subject = { $step ->
    [item_added] CII: nuovo punto all'ordine del giorno, { $body }, { $date } – { $item }
    [sent] CII: invito { $body }, { $date } – { $meeting }
    [revised] CII: ordine del giorno modificato, { $body }, { $date } – { $meeting }
    [rescheduled] CII: seduta spostata al { $date } – { $meeting }
   *[cancelled] CII: seduta annullata – { $meeting }
}

minutes_approved-title = Verbale approvato: { $meeting }
minutes_approved-body = Il verbale della seduta «{ $meeting }» ({ $body }) del { $date } è stato approvato.
minutes_approved-subject = CII: verbale approvato – { $meeting }

## Decisioni per circolazione

resolution_awaiting_answer-title = Decisione per circolazione: { $resolution }
resolution_awaiting_answer-body = { $body } decide per circolazione su «{ $resolution }» ({ $label }). La sua risposta (sì, no o astensione) è attesa entro il { $date } alle { $time }.
resolution_awaiting_answer-subject = CII: decisione per circolazione entro il { $date } – { $resolution }

resolution_outcome-title = { $step ->
    [carried] Decisione per circolazione approvata: { $resolution }
   *[not_carried] Decisione per circolazione non approvata: { $resolution }
}
resolution_outcome-body = { $step ->
    [carried] La decisione per circolazione «{ $resolution }» ({ $label }) di { $body } è approvata.
   *[not_carried] La decisione per circolazione «{ $resolution }» ({ $label }) di { $body } non è approvata: { $reason }
}
resolution_outcome-subject = { $step ->
    [carried] CII: decisione per circolazione approvata – { $label }
   *[not_carried] CII: decisione per circolazione non approvata – { $label }
}
network_changed-title = { $step ->
    [formed] Rete regionale costituita: { $network }
   *[delegated] Delega della rete all'EKG: { $network }
}
network_changed-body = { $step ->
    [formed] I cantoni { $cantons } hanno costituito la rete regionale CII «{ $network }».
   *[delegated] La rete «{ $network }» ({ $cantons }) delega { $coordinator } all'EKG dal { $date }.
}
network_changed-subject = CII: { $step ->
    [formed] rete costituita
   *[delegated] delega all'EKG
} – { $network }


## Sicurezza

signin_locked-title = Accesso bloccato: { $person }
signin_locked-body = Dopo troppi tentativi di accesso, l'accesso di { $person } è bloccato fino alle { $until }. Se non eravate voi, cambiate la password dopo il blocco; l'amministrazione del vostro mandante è informata.
signin_locked-subject = CII: accesso bloccato – { $person }

## E-mail

email-link = Sulla piattaforma: { $link }
email-footer = Questo messaggio proviene dalla piattaforma CII. Come e quando ricevere le notifiche lo sceglie nel Suo profilo.

digest-subject = CII: { $count ->
    [one] una notifica
   *[other] { $count } notifiche
} del { $date }
digest-intro = Buongiorno { $name },

    ecco il Suo riepilogo giornaliero della piattaforma CII del { $date }, con { $count ->
        [one] una notifica
       *[other] { $count } notifiche
    }.

invitation-agenda = Ordine del giorno
invitation-none = (ancora nessun punto)
invitation-online = Online
