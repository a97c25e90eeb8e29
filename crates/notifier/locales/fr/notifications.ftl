## Notifications de la plateforme CII (français).
## Dates au format suisse (JJ.MM.AAAA) ; $link est l'adresse complète.

## Libellés

stg-outcome = { $value ->
    [recommendation] recommandation
    [project] projet
    [working_group] groupe de travail
    [new_action_field] nouveau champ d'action
   *[declined] refus
}
ekg-outcome = { $value ->
    [handle_in_ekg] traitement par l'EKG
    [give_to_working_group] remise à un groupe de travail
    [propose_to_stg] proposition au comité de pilotage ({ $proposal })
   *[close_with_answer] clôture avec réponse
}
return-reason = { $value ->
    [not_iiz_relevant] sans pertinence pour la CII
    [cantonal_matter] affaire cantonale
   *[needs_information] informations complémentaires nécessaires
}
acceptance = { $value ->
    [accepted] acceptée
    [partly_accepted] partiellement acceptée
    [not_accepted] non acceptée
   *[not_relevant] non pertinente
}
implementation-status = { $value ->
    [not_started] pas commencée
    [planned] planifiée
    [in_progress] en cours
    [implemented] mise en œuvre
   *[not_implemented] non mise en œuvre
}

## Demandes

concern_submitted-title = Nouvelle demande : { $concern }
concern_submitted-body = { $origin } a déposé la demande « { $concern } » au niveau national. { $channel ->
    [direct_to_ekg] Elle est adressée directement à l'EKG.
   *[via_fachstelle] Elle attend le tri du Bureau national CII.
}
concern_submitted-subject = CII : nouvelle demande de { $origin } – { $concern }

concern_triaged-title = { $step ->
    [accepted] Demande acceptée : { $concern }
    [returned] Demande renvoyée : { $concern }
    [brought_to_stg] Demande soumise directement au STG : { $concern }
   *[merged] Demande regroupée : { $concern }
}
concern_triaged-body = { $step ->
    [accepted] Le Bureau national CII a accepté la demande « { $concern } » et l'a transmise à l'EKG.
    [returned] Le Bureau national CII a renvoyé la demande « { $concern } ». Motif : { $reason }.
    [brought_to_stg] Le Bureau national CII a soumis la demande « { $concern } » directement au comité de pilotage (STG). Motif : { $reason }.
   *[merged] Le Bureau national CII a regroupé la demande « { $concern } » avec la demande similaire « { $target } », où elle sera traitée.
}
concern_triaged-subject = { $step ->
    [accepted] CII : le Bureau national a accepté « { $concern } »
    [returned] CII : le Bureau national a renvoyé « { $concern } »
    [brought_to_stg] CII : le Bureau national soumet « { $concern } » au STG
   *[merged] CII : « { $concern } » a été regroupée
}

concern_examined-title = { $step ->
    [assessed] Appréciation de l'EKG au STG : { $concern }
   *[examined] Décision de l'EKG : { $concern }
}
concern_examined-body = { $step ->
    [assessed] L'EKG a donné au comité de pilotage (STG) son appréciation de la demande « { $concern } » ; le STG décide maintenant.
   *[examined] L'EKG a examiné la demande « { $concern } ». Résultat : { $outcome }.
}
concern_examined-subject = { $step ->
    [assessed] CII : appréciation de l'EKG sur « { $concern } »
   *[examined] CII : décision de l'EKG sur « { $concern } »
}

concern_decided-title = { $step ->
    [referred] Le comité de pilotage consulte l'EKG : { $concern }
   *[decided] Décision du comité de pilotage : { $concern }
}
concern_decided-body = { $step ->
    [referred] Le comité de pilotage (STG) a adressé la demande « { $concern } » à l'EKG avec une question et décidera après son appréciation.
   *[decided] Le comité de pilotage (STG) a statué sur la demande « { $concern } ». Résultat : { $outcome }.
}
concern_decided-subject = { $step ->
    [referred] CII : le comité de pilotage adresse « { $concern } » à l'EKG
   *[decided] CII : décision du comité de pilotage sur « { $concern } »
}

concern_answered-title = Réponse à la demande : { $concern }
concern_answered-body = La demande « { $concern } » a reçu sa réponse officielle. Vous la trouverez sur la plateforme.
concern_answered-subject = CII : réponse à la demande « { $concern } »

concern_outcome-title = { $step ->
    [adopted] Recommandation adoptée : { $recommendation }
    [published] Recommandation publiée : { $recommendation }
    [amended] Recommandation modifiée : { $recommendation }
    [closed] Recommandation clôturée : { $recommendation }
    [answered] Réponse de { $addressee } : { $recommendation }
   *[reported] Rapport de { $addressee } : { $recommendation }
}
concern_outcome-body = { $step ->
    [adopted] Le comité de pilotage (STG) a adopté la recommandation « { $recommendation } ». Elle découle d'une demande que vous avez déposée ou soutenue.
    [published] La recommandation « { $recommendation } », issue de l'une de vos demandes, est publiée.
    [amended] La recommandation « { $recommendation } », issue de l'une de vos demandes, a été modifiée (version { $version }).
    [closed] La recommandation « { $recommendation } », issue de l'une de vos demandes, est clôturée.
    [answered] { $addressee } a répondu à la recommandation « { $recommendation } » : { $acceptance }.
   *[reported] { $addressee } a rendu compte de la mise en œuvre de la recommandation « { $recommendation } ». État : { $status }.
}
concern_outcome-subject = { $step ->
    [adopted] CII : votre demande aboutit à la recommandation « { $recommendation } »
    [published] CII : recommandation « { $recommendation } » publiée
    [amended] CII : recommandation « { $recommendation } » modifiée
    [closed] CII : recommandation « { $recommendation } » clôturée
    [answered] CII : réponse de { $addressee } à « { $recommendation } »
   *[reported] CII : rapport de mise en œuvre de { $addressee } sur « { $recommendation } »
}

## Recommandations

recommendation_published-title = { $step ->
    [amended] Recommandation modifiée : { $recommendation }
   *[published] Nouvelle recommandation : { $recommendation }
}
recommendation_published-body = { $step ->
    [amended] La recommandation « { $recommendation } » adressée à { $addressee } a été modifiée (version { $version }). Merci de prendre connaissance des changements.
   *[published] Le comité de pilotage (STG) a publié la recommandation « { $recommendation } » adressée à { $addressee }. La réponse est attendue pour le { $due }.
}
recommendation_published-subject = { $step ->
    [amended] CII : recommandation « { $recommendation } » modifiée
   *[published] CII : nouvelle recommandation à { $addressee } – { $recommendation }
}

due_reminder-title = { $threshold ->
    [overdue] En retard : { $what ->
        [answer] réponse
       *[report] rapport de mise en œuvre
    } sur « { $recommendation } »
   *[soon] Échéance le { $due } : { $what ->
        [answer] réponse
       *[report] rapport de mise en œuvre
    } sur « { $recommendation } »
}
due_reminder-body = { $threshold ->
    [overdue] { $addressee } devait remettre { $what ->
        [answer] sa réponse
       *[report] son rapport de mise en œuvre
    } sur la recommandation « { $recommendation } » pour le { $due } et ne l'a pas encore fait.
   *[soon] { $addressee } doit remettre { $what ->
        [answer] sa réponse
       *[report] son rapport de mise en œuvre
    } sur la recommandation « { $recommendation } » d'ici le { $due }, { $days ->
        [0] c'est-à-dire aujourd'hui
        [one] c'est-à-dire demain
       *[other] dans { $days } jours
    }.
}
due_reminder-subject = { $threshold ->
    [overdue] CII : en retard – { $recommendation }
   *[soon] CII : échéance le { $due } – { $recommendation }
}

overdue_escalation-title = En retard depuis { $days } jours : { $addressee } – { $recommendation }
overdue_escalation-body = { $addressee } devait remettre { $what ->
    [answer] sa réponse
   *[report] son rapport de mise en œuvre
} sur la recommandation « { $recommendation } » pour le { $due } ; le retard atteint { $days } jours.
overdue_escalation-subject = CII : { $addressee } en retard de { $days } jours – { $recommendation }

## Séances

agenda-title = { $step ->
    [item_added] À l'ordre du jour : { $item }
    [sent] Ordre du jour : { $meeting }
    [revised] Ordre du jour modifié : { $meeting }
    [rescheduled] Séance déplacée : { $meeting }
   *[cancelled] Séance annulée : { $meeting }
}
agenda-body = { $step ->
    [item_added] « { $item } » figure à l'ordre du jour de la séance « { $meeting } » ({ $body }) du { $date } à { $time }.
    [sent] L'ordre du jour de la séance « { $meeting } » ({ $body }) du { $date } à { $time } a été envoyé. L'invitation est jointe.
    [revised] L'ordre du jour de la séance « { $meeting } » ({ $body }) du { $date } à { $time } a été révisé (version { $version }). L'invitation mise à jour est jointe.
    [rescheduled] La séance « { $meeting } » ({ $body }) aura lieu le { $date } à { $time }. Motif : { $reason }
   *[cancelled] La séance « { $meeting } » ({ $body }) du { $date } est annulée. Motif : { $reason }
}
agenda-subject = { $step ->
    [item_added] CII : nouveau point à l'ordre du jour, { $body }, { $date } – { $item }
    [sent] CII : invitation { $body }, { $date } – { $meeting }
    [revised] CII : ordre du jour modifié, { $body }, { $date } – { $meeting }
    [rescheduled] CII : séance déplacée au { $date } – { $meeting }
   *[cancelled] CII : séance annulée – { $meeting }
}

minutes_approved-title = Procès-verbal approuvé : { $meeting }
minutes_approved-body = Le procès-verbal de la séance « { $meeting } » ({ $body }) du { $date } est approuvé.
minutes_approved-subject = CII : procès-verbal approuvé – { $meeting }

## Décisions par voie de circulation

resolution_awaiting_answer-title = Décision par voie de circulation : { $resolution }
resolution_awaiting_answer-body = { $body } décide par voie de circulation sur « { $resolution } » ({ $label }). Votre réponse (oui, non ou abstention) est attendue d'ici au { $date } à { $time }.
resolution_awaiting_answer-subject = CII : décision par voie de circulation d'ici au { $date } – { $resolution }

resolution_outcome-title = { $step ->
    [carried] Décision par voie de circulation adoptée : { $resolution }
   *[not_carried] Décision par voie de circulation non adoptée : { $resolution }
}
resolution_outcome-body = { $step ->
    [carried] La décision par voie de circulation « { $resolution } » ({ $label }) de { $body } est adoptée.
   *[not_carried] La décision par voie de circulation « { $resolution } » ({ $label }) de { $body } n'est pas adoptée : { $reason }
}
resolution_outcome-subject = { $step ->
    [carried] CII : décision par voie de circulation adoptée – { $label }
   *[not_carried] CII : décision par voie de circulation non adoptée – { $label }
}
network_changed-title = { $step ->
    [formed] Réseau régional constitué : { $network }
   *[delegated] Délégation du réseau à l'EKG : { $network }
}
network_changed-body = { $step ->
    [formed] Les cantons { $cantons } ont constitué le réseau régional CII « { $network } ».
   *[delegated] Le réseau « { $network } » ({ $cantons }) délègue { $coordinator } à l'EKG dès le { $date }.
}
network_changed-subject = CII : { $step ->
    [formed] réseau constitué
   *[delegated] délégation à l'EKG
} – { $network }


## Sécurité

signin_locked-title = Connexion bloquée : { $person }
signin_locked-body = Après trop de tentatives de connexion, la connexion de { $person } est bloquée jusqu'à { $until }. Si ce n'était pas vous, changez votre mot de passe après le blocage ; l'administration de votre mandant est informée.
signin_locked-subject = CII : connexion bloquée – { $person }

## Courriel

email-link = Sur la plateforme : { $link }
email-footer = Ce message provient de la plateforme CII. Vous choisissez comment et quand être averti dans votre profil.

digest-subject = CII : { $count ->
    [one] une notification
   *[other] { $count } notifications
} du { $date }
digest-intro = Bonjour { $name },

    Voici votre résumé quotidien de la plateforme CII du { $date }, avec { $count ->
        [one] une notification
       *[other] { $count } notifications
    }.

invitation-agenda = Ordre du jour
invitation-none = (aucun point pour l'instant)
invitation-online = En ligne
