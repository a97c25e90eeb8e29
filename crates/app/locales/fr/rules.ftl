# Règles du concept de mise en œuvre CII 3.0 qu'un refus applique.
rule-body-decides-as-body = Le STG et l'EKG décident en tant qu'organes, lors de leurs séances ou par voie de circulation ; aucun membre ne décide seul pour l'organe ({ $source }).
rule-only-voting-members-decide = Seuls les membres ayant le droit de vote décident ; les invités, comme la présidence de l'EKG et la direction du service spécialisé au STG, participent sans droit de vote ({ $source }).
rule-circular-resolution-rules = Une décision par voie de circulation n'est adoptée que selon les règles que l'organe a fixées ({ $source }).
rule-requests-via-fachstelle = Les préoccupations et les demandes adressées au STG passent par le service spécialisé ({ $source }).
rule-stg-considers-ekg-assessment = Le STG peut adresser des préoccupations à l'EKG et tient compte de son appréciation dans ses décisions ({ $source }).
rule-stg-decision-effects = Le STG lance des projets, mandate des groupes de travail et définit des champs d'action supplémentaires ({ $source }).
rule-working-group-mandate = Les groupes de travail agissent sur mandat du STG ou de l'EKG, selon leur mandat ({ $source }).
rule-networks-by-cantons = Les cantons forment des réseaux régionaux CII et délèguent une coordinatrice ou un coordinateur CII par réseau à l'EKG ({ $source }).
rule-stg-chair-rotation = La présidence du STG change tous les deux ans entre les quatre offices fédéraux concernés (OFAS, SEFRI, SECO, SEM) ({ $source }).
rule-ekg-chair-every-two-years = La présidence de l'EKG change tous les deux ans, comme au STG ; l'EKG la règle lui-même ({ $source }).
rule-ekg-deputy-area = Lorsque la présidence de l'EKG ne correspond pas à celle du STG, la suppléance vient du même domaine que la présidence du STG ({ $source }).
rule-work-programme-by-stg = Le STG adopte le programme de travail biennal lors du changement de présidence et fixe les priorités et les champs d'action ({ $source }).
rule-project-results-by-stg = Le STG suit les jalons et approuve les résultats des projets ({ $source }).
source-body-rules = règles de l'organe
