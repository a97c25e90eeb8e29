# Courriels du cycle de vie des comptes : invitation et réinitialisation du mot de passe.
invitation-subject = Invitation à la plateforme CII
invitation-body = Bonjour { $name }

    Vous avez été invité·e à la plateforme CII. Ce lien vous permet de définir votre mot de passe :

    { $link }

    Le lien est valable une seule fois et jusqu'au { $expires } (UTC). Si vous n'attendiez pas d'invitation, vous pouvez supprimer ce message.
reset-subject = Réinitialiser le mot de passe de la plateforme CII
reset-body = Bonjour { $name }

    Un nouveau mot de passe a été demandé pour votre compte. Ce lien vous permet de le définir :

    { $link }

    Le lien est valable une seule fois et jusqu'au { $expires } (UTC). Si vous n'avez rien demandé, votre mot de passe reste inchangé et vous pouvez supprimer ce message.
