__version__ = "0.1.0"

# Modules above kdnb.data and kdnb.study that extend them when imported: the Trifeature generator registers its
# dataset and kdnb.models its tokenizers (kdnb.data's registries); kdnb.execute attaches Study.run / train_teacher /
# train_students. Importing them here makes any `import kdnb.<module>` see the complete registries and Study.
from . import trifeature, models, execute
