// Test support: field-by-field comparison of TMX props, notes and other attributes (what a round trip must keep).
#ifndef NAZIR_TESTS_SUPPORT_TU_COMPARE_H_
#define NAZIR_TESTS_SUPPORT_TU_COMPARE_H_

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nazir/model/tu.h"

namespace nazir::testing {

inline void ExpectSameProps(const std::vector<Prop>& a, const std::vector<Prop>& b, const std::string& where) {
  ASSERT_EQ(a.size(), b.size()) << where;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].type, b[i].type) << where;
    EXPECT_EQ(a[i].value, b[i].value) << where;
    EXPECT_EQ(a[i].lang, b[i].lang) << where;
  }
}

inline void ExpectSameNotes(const std::vector<Note>& a, const std::vector<Note>& b, const std::string& where) {
  ASSERT_EQ(a.size(), b.size()) << where;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].text, b[i].text) << where;
    EXPECT_EQ(a[i].lang, b[i].lang) << where;
  }
}

// Attributes a TU or tuv carries beyond the modeled ones (creationid, usagecount ...): same names, same
// values, same order.
inline void ExpectSameAttributes(const OtherAttributes& a, const OtherAttributes& b, const std::string& where) {
  EXPECT_EQ(a, b) << where;
}

// Every field of each tuv equal, in the same order (language, text, inline markup, date, props, notes,
// other attributes).
inline void ExpectSameTuvs(const std::vector<Tuv>& a, const std::vector<Tuv>& b, const std::string& where) {
  ASSERT_EQ(a.size(), b.size()) << where;
  for (size_t i = 0; i < a.size(); ++i) {
    const std::string w = where + " tuv " + a[i].lang;
    EXPECT_EQ(a[i].lang, b[i].lang) << w;
    EXPECT_EQ(a[i].text, b[i].text) << w;
    EXPECT_EQ(a[i].seg_markup, b[i].seg_markup) << w;
    EXPECT_EQ(a[i].creationdate, b[i].creationdate) << w;
    ExpectSameProps(a[i].props, b[i].props, w);
    ExpectSameNotes(a[i].notes, b[i].notes, w);
    ExpectSameAttributes(a[i].attributes, b[i].attributes, w);
  }
}

}  // namespace nazir::testing

#endif  // NAZIR_TESTS_SUPPORT_TU_COMPARE_H_
