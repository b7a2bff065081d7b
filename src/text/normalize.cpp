#include "nazir/text/normalize.h"
