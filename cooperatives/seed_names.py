"""What generated rows are drawn from: the names and occupations of the founders (the national seed and the national
demo), and the one placeholder PDF every seeded document points at."""

FIRST_NAMES_L = (
    "Agus Ahmad Bambang Budi Dedi Eko Fajar Hendra Imam Joko Kurniawan Made Muhammad Nyoman Putu Rahmat Rizki Slamet "
    "Sutrisno Teguh Wahyu Yusuf Andi Asep Ujang La Yohanes Markus Hasan Arif"
).split()
FIRST_NAMES_P = (
    "Siti Sri Dewi Nur Ani Ayu Endang Fitri Indah Kartini Lestari Maria Ni Nurul Purwanti Ratna Rina Sari Susanti "
    "Tuti Wati Yuni Wayan Desi Dian Eka Fatimah Maya Novi Rahmawati"
).split()
LAST_NAMES = (
    "Hidayat Santoso Wijaya Saputra Pratama Siregar Nasution Lubis Harahap Simanjuntak Sitompul Gultom Manurung Purba "
    "Ginting Tarigan Sembiring Setiawan Kusuma Wibowo Gunawan Suryadi Rahman Hakim Syahputra Ramadhan Hasibuan Daulay "
    "Tanjung Batubara Sinaga Panjaitan Pardede Situmorang Utomo Susilo Nugroho Hartono Prasetyo Sulistyo"
).split()
OCCUPATIONS = (
    "Petani",
    "Pedagang",
    "Nelayan",
    "Guru",
    "Wiraswasta",
    "Mengurus rumah tangga",
    "Buruh harian lepas",
    "Peternak",
    "Karyawan swasta",
    "Pekebun",
)

PLACEHOLDER_PDF = "seed/placeholder.pdf"  # under MEDIA_ROOT: every seeded document row points at this one file
PLACEHOLDER_CONTENT = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
