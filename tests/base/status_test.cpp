#include "nazir/base/status.h"

#include <gtest/gtest.h>

#include "nazir/base/lang.h"

namespace nazir {
namespace {

TEST(Status, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(Status, ContextPrefixesMessage) {
  Status s = InvalidInputError("invalid UTF-8 at byte 12").WithContext("a.txt");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(s.message(), "a.txt: invalid UTF-8 at byte 12");
}

TEST(StatusOr, HoldsValueOrError) {
  StatusOr<int> v = 7;
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 7);
  StatusOr<int> e = NotFoundError("no such file");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kNotFound);
}

TEST(Lang, ParsesTagsCaseInsensitively) {
  EXPECT_EQ(ParseLang("AR-SA"), Lang::kAr);
  EXPECT_EQ(ParseLang("ar_LY"), Lang::kAr);
  EXPECT_EQ(ParseLang("en-US"), Lang::kEn);
  EXPECT_EQ(ParseLang("ara"), Lang::kAr);
  EXPECT_FALSE(ParseLang("fr").has_value());
  EXPECT_EQ(LangCode(Lang::kAr), "ar");
}

}  // namespace
}  // namespace nazir
