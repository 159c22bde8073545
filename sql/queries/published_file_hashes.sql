-- published_file_hashes: the municipality and content hash of every file loaded whose sheets are
-- published: a file with the same bytes is not read again (outcome unchanged).
select distinct f.municipality_code, f.source_sha256
from etl_file_loads as f
inner join etl_sheet_loads as s
    on s.source_sha256 = f.source_sha256 and s.municipality_code = f.municipality_code
        and s.status = 'published'
where f.outcome = 'loaded'
