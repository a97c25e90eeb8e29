//! The demo concerns written in French: Geneva and Vaud. They come after
//! the German ones, whose concerns they may name (a merge).

use iiz_domain::Language;
use iiz_domain::concern::AffectedInstitution::{AlvRav, BbBslb, Iv, Mig, Sh};
use iiz_domain::concern::Channel;
use iiz_domain::concern::CommentVisibility::{Internal, Shared};

use super::{Act, CLAIRE, DemoConcern, Ekg, LUC, PETRA};

const FR: Language = Language::Fr;

pub(super) const CONCERNS: &[DemoConcern] = &[
    DemoConcern {
        key: "ge-fin-de-droits",
        origin: "GE",
        by: LUC,
        on_behalf_of: None,
        language: FR,
        title: "Chômeurs en fin de droits entre ORP et aide sociale",
        description: "Lorsqu'une personne arrive en fin de droits à l'assurance-chômage, le suivi par l'office régional de placement (ORP) s'interrompt et l'Hospice général reprend le dossier sans les informations déjà recueillies. Les mesures d'insertion en cours sont abandonnées et la personne refait les mêmes démarches.",
        why_not_cantonal: "La durée des prestations et l'accès aux mesures du marché du travail relèvent de la LACI ; le canton ne peut pas prolonger seul le suivi ORP des personnes en fin de droits.",
        institutions: &[AlvRav, Sh],
        focus_area: "labour_market_integration",
        acts: &[
            Act::Submit(Channel::ViaFachstelle),
            Act::MergeInto(
                "zh-ausgesteuerte",
                "Gleiches Anliegen wie «Ausgesteuerte zwischen RAV und Sozialhilfe» (ZH); zusammengeführt, damit das EKG beide Kantone gemeinsam behandelt und die Antwort auch an Genf geht.",
            ),
        ],
    },
    DemoConcern {
        key: "ge-jeunes",
        origin: "GE",
        by: LUC,
        on_behalf_of: None,
        language: FR,
        title: "Jeunes sans solution de formation après l'école obligatoire",
        description: "Chaque année, plusieurs centaines de jeunes terminent l'école obligatoire sans place d'apprentissage ni solution transitoire. Ils échappent au suivi de l'orientation professionnelle et réapparaissent quelques années plus tard à l'aide sociale.",
        why_not_cantonal: "Les jeunes changent de canton entre la formation et l'emploi ; un suivi continu demande des règles communes avec le SEFRI et la CSFP.",
        institutions: &[BbBslb, Sh],
        focus_area: "labour_market_integration",
        acts: &[
            Act::Submit(Channel::ViaFachstelle),
            Act::Endorse(
                CLAIRE,
                None,
                "Le canton de Vaud constate la même lacune à la transition I.",
            ),
            Act::Accept("Transmis à l'EKG, soutenu par GE et VD."),
            Act::Examine(
                Ekg::WorkingGroup("Groupe de travail Transition I de la CII nationale"),
                "L'EKG confie l'analyse des offres transitoires au groupe de travail.",
            ),
            Act::Comment(
                PETRA,
                "CH",
                "La Fachstelle a transmis au groupe de travail le monitoring 2025 des solutions transitoires.",
                Shared,
            ),
        ],
    },
    DemoConcern {
        key: "ge-admis-provisoires",
        origin: "GE",
        by: LUC,
        on_behalf_of: None,
        language: FR,
        title: "Accès des personnes admises à titre provisoire aux mesures d'insertion",
        description: "Les personnes admises à titre provisoire n'ont souvent pas accès aux mesures d'insertion de l'assurance-chômage, alors que l'Agenda Intégration Suisse leur fixe des objectifs d'insertion professionnelle.",
        why_not_cantonal: "Les conditions d'accès relèvent de la LACI et du forfait d'intégration de la Confédération.",
        institutions: &[Mig, AlvRav],
        focus_area: "labour_market_integration",
        acts: &[Act::Submit(Channel::ViaFachstelle)],
    },
    DemoConcern {
        key: "ge-bilans",
        origin: "GE",
        by: LUC,
        on_behalf_of: None,
        language: FR,
        title: "Coordination des bilans de compétences entre l'OCE et l'Hospice général",
        description: "L'Office cantonal de l'emploi et l'Hospice général réalisent chacun leur propre bilan de compétences pour les mêmes personnes.",
        why_not_cantonal: "",
        institutions: &[AlvRav, Sh],
        focus_area: "professionalisation",
        acts: &[Act::Comment(
            LUC,
            "GE",
            "À compléter avec les chiffres 2025 de l'OCE avant l'envoi.",
            Internal,
        )],
    },
    DemoConcern {
        key: "vd-double-evaluation",
        origin: "VD",
        by: CLAIRE,
        on_behalf_of: None,
        language: FR,
        title: "Double évaluation AI et ORP pour les personnes atteintes dans leur santé",
        description: "Les demandeurs d'emploi atteints dans leur santé sont évalués à la fois par l'office AI et par l'ORP, avec des conclusions parfois contradictoires sur leur capacité de travail.",
        why_not_cantonal: "L'échange d'informations entre l'AI et l'assurance-chômage est réglé par le droit fédéral.",
        institutions: &[Iv, AlvRav],
        focus_area: "professionalisation",
        acts: &[
            Act::Submit(Channel::ViaFachstelle),
            Act::Accept("Transmis à l'EKG."),
            Act::Examine(
                Ekg::Handle,
                "L'EKG traite la question lui-même avec la COAI et le SECO.",
            ),
        ],
    },
    DemoConcern {
        key: "vd-seniors",
        origin: "VD",
        by: CLAIRE,
        on_behalf_of: None,
        language: FR,
        title: "Chômeurs seniors de longue durée : accès aux mesures de réinsertion",
        description: "Les demandeurs d'emploi de plus de 55 ans restent longtemps au chômage et accèdent moins souvent aux mesures de réinsertion que les plus jeunes.",
        why_not_cantonal: "Les critères d'octroi des mesures du marché du travail sont fixés par le SECO.",
        institutions: &[AlvRav],
        focus_area: "labour_market_integration",
        acts: &[
            Act::Submit(Channel::ViaFachstelle),
            Act::Accept("Transmis à l'EKG."),
            Act::Examine(
                Ekg::Close(
                    "Le SECO a précisé dans une directive aux ORP que les mesures du marché du travail sont ouvertes sans limite d'âge ; les cantons en sont informés. L'EKG considère la demande comme réglée.",
                ),
                "Réglé par la directive du SECO.",
            ),
        ],
    },
    DemoConcern {
        key: "vd-validation",
        origin: "VD",
        by: CLAIRE,
        on_behalf_of: None,
        language: FR,
        title: "Validation des acquis pour adultes sans diplôme",
        description: "La validation des acquis de l'expérience dure souvent plus de deux ans ; les adultes au chômage ou à l'aide sociale l'abandonnent faute de financement de leur entretien.",
        why_not_cantonal: "La procédure de validation relève de la loi fédérale sur la formation professionnelle.",
        institutions: &[BbBslb, AlvRav, Sh],
        focus_area: "labour_market_integration",
        acts: &[
            Act::Submit(Channel::ViaFachstelle),
            Act::Endorse(LUC, None, "Genève soutient la demande."),
            Act::Accept("Transmis à l'EKG."),
        ],
    },
];
