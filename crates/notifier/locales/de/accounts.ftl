# E-Mails des Kontolebenszyklus: Einladung und Zurücksetzen des Passworts.
invitation-subject = Einladung zur IIZ-Plattform
invitation-body = Guten Tag { $name }

    Sie wurden zur IIZ-Plattform eingeladen. Über diesen Link legen Sie Ihr Passwort fest:

    { $link }

    Der Link gilt einmal und bis { $expires } (UTC). Haben Sie keine Einladung erwartet, können Sie diese Nachricht löschen.
reset-subject = Passwort der IIZ-Plattform zurücksetzen
reset-body = Guten Tag { $name }

    Für Ihr Konto wurde ein neues Passwort verlangt. Über diesen Link legen Sie es fest:

    { $link }

    Der Link gilt einmal und bis { $expires } (UTC). Haben Sie nichts verlangt, bleibt Ihr Passwort unverändert und Sie können diese Nachricht löschen.
