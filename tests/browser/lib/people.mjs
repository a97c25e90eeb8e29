// The demo logins (crates/app/src/demo_people.rs), by what they do.

export const PASSWORD = 'iiz-demo-2026!';

const domain = 'demo.iiz.invalid';

export const PEOPLE = {
  anna: { email: `anna.beispiel@zh.${domain}`, role: 'ZH coordinator' },
  luc: { email: `luc.exemple@ge.${domain}`, role: 'GE coordinator' },
  petra: { email: `petra.muster@fachstelle.${domain}`, role: 'Fachstelle office' },
  marco: { email: `marco.esempio@stg.${domain}`, role: 'STG member' },
  beatrice: { email: `beatrice.fittizia@stg.${domain}`, role: 'STG chair' },
  jonas: { email: `jonas.platzhalter@ekg.${domain}`, role: 'EKG member' },
  admin: { email: `admin@${domain}`, role: 'national tenant admin' },
  reto: { email: `reto.vorlage@zh.${domain}`, role: 'ZH office' },
  sabine: { email: `sabine.beleg@zh.${domain}`, role: 'ZH member' },
  urs: { email: `urs.vorbild@so.${domain}`, role: 'SO coordinator' },
  nadia: { email: `nadia.entwurf@so.${domain}`, role: 'SO office' },
  nicole: { email: `nicole.gabarit@skos.${domain}`, role: 'EKG chair (SKOS)' },
  martin: { email: `martin.raster@netz.${domain}`, role: 'network coordinator' },
};

// The roles the walk signs in as: one of every kind of seat.
export const WALKERS = ['anna', 'luc', 'petra', 'marco', 'beatrice', 'jonas', 'admin', 'reto', 'sabine', 'urs', 'nadia'];
