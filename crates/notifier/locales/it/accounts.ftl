# E-mail del ciclo di vita degli account: invito e reimpostazione della password.
invitation-subject = Invito alla piattaforma CII
invitation-body = Buongiorno { $name }

    È stata/o invitata/o alla piattaforma CII. Con questo link imposta la sua password:

    { $link }

    Il link vale una sola volta e fino al { $expires } (UTC). Se non si aspettava un invito, può cancellare questo messaggio.
reset-subject = Reimpostare la password della piattaforma CII
reset-body = Buongiorno { $name }

    È stata chiesta una nuova password per il suo account. Con questo link la imposta:

    { $link }

    Il link vale una sola volta e fino al { $expires } (UTC). Se non ha chiesto nulla, la sua password resta invariata e può cancellare questo messaggio.
