#include "nazir/text/utf8.h"
