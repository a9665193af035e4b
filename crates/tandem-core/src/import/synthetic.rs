//! A generated HR export of any size, for the import benchmarks (the core's and the command
//! line's) and scale tests: the same rows every time.

const FIRST: [&str; 16] = [
    "Léa",
    "Hugo",
    "Chloé",
    "Louis",
    "Inès",
    "Jules",
    "Manon",
    "Gabriel",
    "Camille",
    "Raphaël",
    "Zoé",
    "Arthur",
    "Noémie",
    "Théo",
    "Hélène",
    "François",
];
const LAST: [&str; 16] = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garçon",
    "Cœurdevey",
];
const DEPARTMENTS: [&str; 8] = [
    "Ventes",
    "Marketing",
    "Finance",
    "Ressources humaines",
    "Informatique",
    "Logistique",
    "Juridique",
    "Achats",
];
const SITES: [&str; 5] = ["Paris", "Lyon", "Nantes", "Lille", "Marseille"];
const LANGUAGES: [&str; 4] = ["fr", "fr;en", "fr;en;es", "fr;de"];

/// A semicolon export of `rows` employees: row 0 is the CEO; everyone else reports to someone
/// earlier in the file, ten to a manager, so the hierarchy is about five levels deep.
pub fn hr_export(rows: usize) -> Vec<u8> {
    let mut out = String::with_capacity(rows * 160);
    out.push_str("Matricule;Nom;Prénom;Courriel;Service;Poste;Niveau;Matricule manager;Site;Fuseau horaire;Langues;Date d'entrée\n");
    for i in 0..rows {
        let first = FIRST[i % FIRST.len()];
        let last = LAST[(i / FIRST.len()) % LAST.len()];
        let manager = if i == 0 {
            String::new()
        } else {
            format!("M{:06}", (i - 1) / 10)
        };
        // Depth from the top decides the grade: the CEO is 10, teams at the bottom 1 to 3.
        let depth = depth_of(i);
        let grade = 10usize.saturating_sub(depth * 2).max(1 + i % 3);
        let department = DEPARTMENTS[i % DEPARTMENTS.len()];
        let title = if depth <= 3 {
            format!("Responsable {department}")
        } else {
            "Chargé de mission, \"projets\"".to_owned()
        };
        out.push_str(&format!(
            "M{i:06};{last};{first};{f}.{l}.{i}@exemple.fr;{department};\"{t}\";{grade};{manager};{site};Europe/Paris;\"{langs}\";{d:02}/{m:02}/{y}\n",
            f = ascii(first),
            l = ascii(last),
            t = title.replace('"', "\"\""),
            site = SITES[i % SITES.len()],
            langs = LANGUAGES[i % LANGUAGES.len()],
            d = 1 + i % 28,
            m = 1 + i % 12,
            y = 1990 + i % 34,
        ));
    }
    out.into_bytes()
}

fn depth_of(mut i: usize) -> usize {
    let mut depth = 0;
    while i > 0 {
        i = (i - 1) / 10;
        depth += 1;
    }
    depth
}

fn ascii(name: &str) -> String {
    crate::domain::text::fold(name)
        .replace('œ', "oe")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}
