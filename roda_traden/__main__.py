from roda_traden.cli import main

main()
