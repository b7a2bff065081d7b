// The word lists the sentence segmenter consults, in one place (internal to src/text).
//
// Sources: the English lists follow the abbreviations of the AP Stylebook (titles before names, months
// before dates, "No." before numbers) and the Punkt / ICU "ss=standard" suppression idea (Kiss & Strunk
// 2006; ICU's en suppression data); the Arabic list holds the dotted abbreviations of Arabic news
// (د. doctor, أ. professor, ق.م. BC, هـ. hijri, ص.ب. P.O. box).
#ifndef NAZIR_SRC_TEXT_SEGMENT_DATA_H_
#define NAZIR_SRC_TEXT_SEGMENT_DATA_H_

#include <string_view>

namespace nazir::text::internal {

// Titles and other abbreviations that always precede a name or a noun: a full stop after them never
// ends a sentence. Compared case-sensitively, without the final dot.
inline constexpr std::string_view kTitleAbbreviations[] = {
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Brig",
    "Sgt", "Cpl", "Pvt", "Sen", "Rep", "Gov", "Atty", "Supt", "Insp", "Det", "Rev", "Msgr", "Hon",
    "Pres", "Amb", "Gens", "Sens", "Reps", "St", "Ste", "Mt", "Ft", "Fr", "Mme", "Mlle",
    "vs", "v", "approx", "est", "cf", "Lt.Gen", "Maj.Gen", "Brig.Gen",
};

// Abbreviations that precede a number or a date ("No. 5", "Jan. 12", "p. 4"): a full stop after them
// does not end a sentence when the next word starts with a digit.
inline constexpr std::string_view kNumberAbbreviations[] = {
    "No", "Nos", "no", "nos", "Art", "art", "Fig", "fig", "Vol", "vol", "p", "pp", "ch", "Ch", "Sec",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
};

// Abbreviations that usually stand inside a sentence but may also end one ("Inc.", "Jr.", "etc."):
// like dotted acronyms (U.S., a.m.) and initials (J.), a full stop after them ends the sentence only
// when the next word is a typical sentence opener (see kSentenceOpeners).
inline constexpr std::string_view kWeakAbbreviations[] = {
    "Inc", "Corp", "Ltd", "Co", "Jr", "Sr", "Bros", "Dept", "Univ", "Assn", "etc", "al", "Ave", "Blvd",
    "Rd", "Mass", "Calif", "Fla", "Ill", "Ga", "Pa", "Va", "Wash", "Ariz", "Colo", "Conn", "Md", "Mich",
    "Minn", "Tenn", "Tex", "Okla", "Ore", "Wis", "Ky", "La", "Neb", "Nev", "Ala", "Ark", "Kan", "Miss",
    "Mo", "Del", "Ind", "Vt", "Wyo",
};

// Capitalized words that commonly open an English news sentence. After an acronym, initial or weak
// abbreviation, a full stop followed by one of these is read as the end of the sentence
// ("... in the U.S. The talks ..."), otherwise as part of it ("the U.S. Army", "J. R. R. Tolkien").
inline constexpr std::string_view kSentenceOpeners[] = {
    "The", "A", "An", "This", "That", "These", "Those", "There", "Their", "They", "Them", "He", "She",
    "It", "Its", "His", "Her", "We", "Our", "I", "You", "In", "On", "At", "By", "For", "From", "With",
    "After", "Before", "During", "Since", "As", "But", "And", "Or", "So", "Yet", "If", "When", "While",
    "Although", "Though", "However", "Meanwhile", "According", "Some", "Many", "Most", "All", "Both",
    "Other", "Officials", "Police", "Authorities", "One", "Two", "Three", "No", "Not", "What", "Who",
    "Why", "How", "Where", "Last", "Earlier", "Later", "Now", "Today", "Yesterday", "Also", "Then",
    "Instead", "Still", "Such", "Several", "Each", "More", "Under", "Despite", "Among",
};

// Arabic abbreviations written with a full stop (without it here): a full stop after them never ends a
// sentence when another word follows on the line.
inline constexpr std::string_view kArabicAbbreviations[] = {
    "د",   // دكتور, Dr.
    "أ",   // أستاذ, Prof.
    "أ.د",  // أستاذ دكتور
    "ق.م",  // قبل الميلاد, BC
    "ص.ب",  // صندوق بريد, P.O. Box
    "ج.م.ع",  // جمهورية مصر العربية
};

// The Arabic names of the Latin letters, as initials of foreign names are written in Arabic news
// ("جي. آر. آر. تولكين" J. R. R. Tolkien, "دي. كي." D. K.). Some are also words (في "in", أو "or",
// إن "that"), but those never end a sentence, so a full stop after any of them is read as an initial.
inline constexpr std::string_view kArabicLetterNames[] = {
    "إيه", "ايه", "بي", "سي", "دي", "إي", "اي", "إف", "اف", "جي", "جيه", "إتش", "اتش", "آي", "كي", "كيه",
    "إل", "ال", "إم", "ام", "إن", "ان", "أو", "كيو", "آر", "ار", "إس", "اس", "تي", "يو", "في", "دبليو",
    "إكس", "اكس", "واي", "زد", "زي",
};

}  // namespace nazir::text::internal

#endif  // NAZIR_SRC_TEXT_SEGMENT_DATA_H_
