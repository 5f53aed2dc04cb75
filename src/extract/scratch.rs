//! Temporary scratch harness (to be removed).
#[test]
#[ignore]
fn dump_articles() {
    let mut paths: Vec<_> = std::fs::read_dir("/tmp/articles").unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for p in paths {
        let s = std::fs::read_to_string(&p).unwrap();
        let (t, b) = s.split_once('\n').unwrap();
        let e = super::extract(Some(t), b);
        println!("==== {}\n{:#?}", p.display(), e);
    }
}
