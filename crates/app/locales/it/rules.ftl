# Regole del concetto d'attuazione CII 3.0 applicate da un rifiuto.
rule-body-decides-as-body = STG ed EKG decidono in quanto organi, nelle loro sedute o per via di circolazione; nessun singolo membro decide per l'organo ({ $source }).
rule-only-voting-members-decide = Decidono solo i membri con diritto di voto; gli ospiti, come la presidenza dell'EKG e la direzione del servizio specializzato nello STG, partecipano senza diritto di voto ({ $source }).
rule-circular-resolution-rules = Una decisione per via di circolazione è adottata solo secondo le regole stabilite dall'organo ({ $source }).
rule-requests-via-fachstelle = Le istanze e le richieste allo STG sono inoltrate tramite il servizio specializzato ({ $source }).
rule-stg-considers-ekg-assessment = Lo STG può sottoporre istanze all'EKG e tiene conto della sua valutazione nelle proprie decisioni ({ $source }).
rule-stg-decision-effects = Lo STG avvia progetti, conferisce mandati a gruppi di lavoro e definisce ulteriori campi d'azione ({ $source }).
rule-working-group-mandate = I gruppi di lavoro operano su mandato dello STG o dell'EKG, secondo il loro mandato ({ $source }).
rule-networks-by-cantons = I Cantoni costituiscono reti regionali CII e delegano all'EKG una coordinatrice o un coordinatore CII per rete ({ $source }).
rule-stg-chair-rotation = La presidenza dello STG cambia ogni due anni tra i quattro uffici federali coinvolti (UFAS, SEFRI, SECO, SEM) ({ $source }).
rule-ekg-chair-every-two-years = La presidenza dell'EKG cambia ogni due anni, come nello STG; l'EKG la disciplina autonomamente ({ $source }).
rule-ekg-deputy-area = Se la presidenza dell'EKG non corrisponde a quella dello STG, la supplenza proviene dallo stesso ambito della presidenza dello STG ({ $source }).
rule-work-programme-by-stg = Lo STG adotta il programma di lavoro biennale al cambio di presidenza e ne stabilisce priorità e campi d'azione ({ $source }).
rule-project-results-by-stg = Lo STG sorveglia le tappe e approva i risultati dei progetti ({ $source }).
source-body-rules = regole dell'organo
