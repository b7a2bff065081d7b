#include "nazir/names/matcher.h"
