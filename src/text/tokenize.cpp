#include "nazir/text/tokenize.h"
