//! 包案领导: which leaders a case's cell names, and whether one of them is the leader a
//! user asked for. One rule, so the work list and the monthly sheet agree on who owns what.

/// The leaders a 包案领导 cell names: offices write two leaders of one case as `王某、李某`
/// (or with ，；/), and each of them owns it.
#[must_use]
pub fn leaders(cell: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in cell.split(['、', '，', ',', '；', ';', '/']).map(str::trim) {
        if !name.is_empty() && !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

/// Whether a leader's name is the one asked for: the whole name, or one word of it, since
/// cells often put the title first (`副县长 王某`).
#[must_use]
pub fn is_named(leader: &str, asked: &str) -> bool {
    leader == asked || leader.split_whitespace().any(|word| word == asked)
}

/// Whether a 包案领导 cell names the leader asked for.
#[must_use]
pub fn owns(cell: &str, asked: &str) -> bool {
    leaders(cell).iter().any(|leader| is_named(leader, asked))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn split(cell: &str, expected: &[&str]) {
        assert_eq!(leaders(cell), expected, "{cell}");
    }

    #[test]
    fn cells_naming_several_leaders() {
        split("王某", &["王某"]);
        split("副县长 王某", &["副县长 王某"]);
        split("王某、李某", &["王某", "李某"]);
        split("王某，李某；赵某", &["王某", "李某", "赵某"]);
        split("王某/ 李某 ", &["王某", "李某"]);
        split("王某、、", &["王某"]);
        split("王某、李某、王某", &["王某", "李某"]);
        split("、", &[]);
    }

    #[test]
    fn a_leader_by_the_whole_name_or_one_word_of_it() {
        assert!(is_named("副县长 王某", "王某"));
        assert!(is_named("副县长 王某", "副县长 王某"));
        assert!(!is_named("副县长 王某", "王"));
        assert!(!is_named("李某", "王某"));
        assert!(owns("张三、李四", "李四"));
        assert!(owns("张三，副县长 李四", "李四"));
        assert!(!owns("张三丰", "张三"));
    }
}
